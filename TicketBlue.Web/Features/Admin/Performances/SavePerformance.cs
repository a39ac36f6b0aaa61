using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performances;

public interface ISavePerformanceHandler
{
    Task<CommandResult> HandleAsync(SavePerformanceCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Creates or updates a performance through its aggregate: details, run (rounds must stay inside it),
/// a price for every grade of its layout, and the cast. Prices of rounds already on sale are not
/// changed (ADR-002): a price change applies to rounds created afterwards.
/// </summary>
public sealed class SavePerformanceHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IValidator<SavePerformanceCommand> validator,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : ISavePerformanceHandler
{
    public async Task<CommandResult> HandleAsync(SavePerformanceCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.From(validation);
        }

        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // A new row is saved first to get its id for the audit entry; both commit together or not at all.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            var run = new DateSpan(DateOnly.FromDateTime(command.FirstDay!.Value), DateOnly.FromDateTime(command.LastDay!.Value));
            var prices = command.Prices.Select(price => (SeatGrade.From(price.Grade), Money.FromWon(price.Price ?? 0))).ToList();
            await EnsurePerformersAsync(context, command, cancellationToken);
            var cast = command.Cast.Select(member => (member.PerformerId, member.Role)).ToList();

            Performance performance;
            object? before = null;
            if (command.Id is { } id)
            {
                performance = await context.Performances.Include(p => p.Prices).Include(p => p.Cast).SingleOrDefaultAsync(p => p.Id == id, cancellationToken)
                    ?? throw ErrorTexts.Refusal("performance.not_found");
                before = Snapshot(performance);
                var grades = await LayoutGradesAsync(context, performance.SeatLayoutId, cancellationToken);
                var roundDays = await context.Rounds.Where(round => round.PerformanceId == id && round.Status == RoundStatus.Scheduled)
                    .Select(round => round.StartsAt).ToListAsync(cancellationToken);
                performance.UpdateDetails(command.Title, command.EnglishTitle, command.Category, command.Summary, command.Description, command.RunningMinutes, command.IntermissionMinutes, command.AgeRating, now);
                if (run != performance.Run)
                {
                    performance.Reschedule(run, roundDays.Select(SeoulTime.DateOf), now);
                }

                performance.SetPrices(prices, grades, now);
                performance.SetCast(cast, now);
            }
            else
            {
                var layout = await context.SeatLayouts.Include(l => l.Sections).ThenInclude(s => s.Seats)
                    .SingleOrDefaultAsync(l => l.Id == command.SeatLayoutId && l.VenueId == command.VenueId, cancellationToken)
                    ?? throw ErrorTexts.Refusal(new ErrorText("performance.layout") { Variant = "venue" });
                performance = Performance.Create(command.Title, command.EnglishTitle, command.Category, command.Summary, command.Description, command.RunningMinutes, command.IntermissionMinutes, command.AgeRating, layout, run, now);
                performance.SetPrices(prices, layout.Grades(), now);
                performance.SetCast(cast, now);
                context.Performances.Add(performance);
                await context.SaveChangesAsync(cancellationToken);
            }

            AuditTrail.Record(context, actor, command.Id is null ? "performance.created" : "performance.updated", nameof(Performance), performance.Id, before, Snapshot(performance), now);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Success(performance.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Failure(ErrorTexts.For("performance.changed"));
        }
    }

    internal static object Snapshot(Performance performance) => new
    {
        performance.Title,
        performance.EnglishTitle,
        Category = performance.Category.ToString(),
        performance.Summary,
        performance.RunningMinutes,
        performance.IntermissionMinutes,
        AgeRating = performance.AgeRating.ToString(),
        Run = new { performance.Run.First, performance.Run.Last },
        Status = performance.Status.ToString(),
        Poster = performance.Poster?.Key,
        Prices = performance.Prices.Select(price => new { Grade = price.Grade.Code, price.Price.Won }).ToList(),
        Cast = performance.Cast.OrderBy(member => member.SortOrder).Select(member => new { member.PerformerId, member.Role }).ToList(),
    };

    private static async Task<IReadOnlySet<SeatGrade>> LayoutGradesAsync(TicketBlueDbContext context, long layoutId, CancellationToken cancellationToken) =>
        (await SeatCounts.ByGradeAsync(context, layoutId, cancellationToken)).Select(grade => SeatGrade.From(grade.Grade)).ToHashSet();

    private static async Task EnsurePerformersAsync(TicketBlueDbContext context, SavePerformanceCommand command, CancellationToken cancellationToken)
    {
        var ids = command.Cast.Select(member => member.PerformerId).Distinct().ToList();
        var found = await context.Performers.CountAsync(performer => ids.Contains(performer.Id) && !performer.IsArchived, cancellationToken);
        if (found != ids.Count)
        {
            throw ErrorTexts.Refusal("cast.performer");
        }
    }
}
