using FluentValidation;
using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Rounds;

public interface IUpdateRoundHandler
{
    /// <summary>The round as an edit form (the same form as scheduling), or null when there is none.</summary>
    Task<ScheduleRoundCommand?> GetAsync(long roundId, CancellationToken cancellationToken);

    Task<CommandResult> HandleAsync(long roundId, ScheduleRoundCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Changes a round's time, sales window and limits (the rules are <see cref="Round.Reschedule"/>'s:
/// the start moves only while no seat is held or sold). The hall must stay free, as when scheduling.
/// </summary>
public sealed class UpdateRoundHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IValidator<ScheduleRoundCommand> validator,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : IUpdateRoundHandler
{
    public async Task<ScheduleRoundCommand?> GetAsync(long roundId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var round = await context.Rounds.AsNoTracking().SingleOrDefaultAsync(candidate => candidate.Id == roundId, cancellationToken);
        if (round is null)
        {
            return null;
        }

        var start = SeoulTime.ToSeoul(round.StartsAt);
        var open = SeoulTime.ToSeoul(round.SalesWindow.Start);
        return new ScheduleRoundCommand
        {
            PerformanceId = round.PerformanceId,
            Date = start.Date,
            StartTime = start.TimeOfDay,
            SalesOpenDate = open.Date,
            SalesOpenTime = open.TimeOfDay,
            SalesCloseHoursBefore = (int)Math.Round((round.StartsAt - round.SalesWindow.End).TotalHours),
            TicketLimit = round.TicketLimitPerCustomer,
            HoldMinutes = (int)round.HoldPolicy.HoldDuration.TotalMinutes,
        };
    }

    public async Task<CommandResult> HandleAsync(long roundId, ScheduleRoundCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.From(validation);
        }

        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var round = await context.Rounds.SingleOrDefaultAsync(candidate => candidate.Id == roundId, cancellationToken)
                ?? throw ErrorTexts.Refusal(new ErrorText("round.not_found") { Variant = "admin" });
            var performance = await context.Performances.SingleAsync(p => p.Id == round.PerformanceId, cancellationToken);
            var startsAt = SeoulTime.At(DateOnly.FromDateTime(command.Date!.Value), TimeOnly.FromTimeSpan(command.StartTime!.Value));
            var salesOpen = SeoulTime.At(DateOnly.FromDateTime(command.SalesOpenDate!.Value), TimeOnly.FromTimeSpan(command.SalesOpenTime!.Value));
            var before = Snapshot(round);

            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            await HallSchedule.LockVenueAsync(context, round.VenueId, cancellationToken);
            var sales = await RoundSalesQuery.CountAsync(context, roundId, now, cancellationToken);
            round.Reschedule(performance, startsAt, new TimeWindow(salesOpen, startsAt.AddHours(-command.SalesCloseHoursBefore)), now, sales);
            round.ChangeTicketLimit(command.TicketLimit);
            round.ChangeHoldDuration(TimeSpan.FromMinutes(command.HoldMinutes));

            await HallSchedule.EnsureFreeAsync(context, round, cancellationToken);

            AuditTrail.Record(context, actor, "round.updated", nameof(Round), round.Id, before, Snapshot(round), now);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Success(round.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Failure(ErrorTexts.For("round.changed"));
        }
    }

    private static object Snapshot(Round round) => new
    {
        round.StartsAt,
        round.EndsAt,
        SalesOpen = round.SalesWindow.Start,
        SalesClose = round.SalesWindow.End,
        round.TicketLimitPerCustomer,
        HoldMinutes = round.HoldPolicy.HoldDuration.TotalMinutes,
    };
}
