using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Rounds;

/// <summary>A new round: Seoul date and time, when sales open, how long before the start they close, and the limits.</summary>
public sealed class ScheduleRoundCommand
{
    public long PerformanceId { get; set; }

    public DateTime? Date { get; set; }

    public TimeSpan? StartTime { get; set; } = new TimeSpan(19, 30, 0);

    public DateTime? SalesOpenDate { get; set; }

    public TimeSpan? SalesOpenTime { get; set; } = new TimeSpan(14, 0, 0);

    public int SalesCloseHoursBefore { get; set; } = 2;

    public int TicketLimit { get; set; } = Round.DefaultTicketLimit;

    public int HoldMinutes { get; set; } = (int)HoldPolicy.Default.HoldDuration.TotalMinutes;
}

public interface IScheduleRoundHandler
{
    Task<CommandResult> HandleAsync(ScheduleRoundCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Schedules a round and creates its seat inventory in one transaction. Rounds of one venue are
/// scheduled one at a time (the venue row is locked), so two admins cannot book the hall twice.
/// </summary>
public sealed class ScheduleRoundHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IValidator<ScheduleRoundCommand> validator,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : IScheduleRoundHandler
{
    public async Task<CommandResult> HandleAsync(ScheduleRoundCommand command, CancellationToken cancellationToken)
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
            var performance = await context.Performances.Include(p => p.Prices).SingleOrDefaultAsync(p => p.Id == command.PerformanceId, cancellationToken)
                ?? throw ErrorTexts.Refusal("performance.not_found");
            if (performance.Prices.Count == 0)
            {
                throw ErrorTexts.Refusal("performance.prices");
            }

            var startsAt = SeoulTime.At(DateOnly.FromDateTime(command.Date!.Value), TimeOnly.FromTimeSpan(command.StartTime!.Value));
            var salesOpen = SeoulTime.At(DateOnly.FromDateTime(command.SalesOpenDate!.Value), TimeOnly.FromTimeSpan(command.SalesOpenTime!.Value));
            var salesWindow = new TimeWindow(salesOpen, startsAt.AddHours(-command.SalesCloseHoursBefore));
            var policy = HoldPolicy.Default.WithDuration(TimeSpan.FromMinutes(command.HoldMinutes));
            var round = Round.Schedule(performance, startsAt, salesWindow, command.TicketLimit, policy, now);

            await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
            await HallSchedule.LockVenueAsync(context, performance.VenueId, cancellationToken);
            await HallSchedule.EnsureFreeAsync(context, round, cancellationToken);

            context.Rounds.Add(round);
            await context.SaveChangesAsync(cancellationToken);
            var seats = await RoundInventory.CreateAsync(context, round, cancellationToken);
            AuditTrail.Record(context, actor, "round.scheduled", nameof(Round), round.Id, null, new { round.PerformanceId, round.StartsAt, round.EndsAt, SalesOpen = round.SalesWindow.Start, SalesClose = round.SalesWindow.End, round.TicketLimitPerCustomer, HoldMinutes = command.HoldMinutes, Seats = seats }, now);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Success(round.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
    }
}
