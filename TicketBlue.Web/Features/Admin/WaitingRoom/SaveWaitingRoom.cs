using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.WaitingRoom;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.WaitingRoom;

namespace TicketBlue.Web.Features.Admin.WaitingRoom;

/// <summary>Sets up the waiting room of a performance (all its rounds) or of one round; exactly one of the two ids.</summary>
public sealed record SaveWaitingRoomCommand(long? PerformanceId, long? RoundId, WaitingRoomForm Form);

public interface ISaveWaitingRoomHandler
{
    Task<CommandResult> HandleAsync(SaveWaitingRoomCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Creates or changes the settings (the domain checks the limits), audited like every admin action.
/// Every node sees the change within <c>WaitingRoom:SettingsCacheTtl</c>; this node at once.
/// </summary>
public sealed class SaveWaitingRoomHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    WaitingRoomSettingsReader reader,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : ISaveWaitingRoomHandler
{
    public async Task<CommandResult> HandleAsync(SaveWaitingRoomCommand command, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(command);
        if ((command.PerformanceId is null) == (command.RoundId is null))
        {
            return CommandResult.Failure(ErrorTexts.For("queue.target"));
        }

        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            var settings = await context.WaitingRooms.SingleOrDefaultAsync(
                room => command.RoundId != null ? room.RoundId == command.RoundId : room.PerformanceId == command.PerformanceId,
                cancellationToken);
            var before = settings is null ? null : Snapshot(settings);
            var form = command.Form;
            if (settings is null)
            {
                settings = command.RoundId is { } roundId
                    ? WaitingRoomSettings.ForRound(roundId, form.AdmissionPerMinute, form.MaxActive, now)
                    : WaitingRoomSettings.ForPerformance(command.PerformanceId!.Value, form.AdmissionPerMinute, form.MaxActive, now);
                context.WaitingRooms.Add(settings);
            }
            else
            {
                settings.ChangeRate(form.AdmissionPerMinute, form.MaxActive, now);
            }

            settings.SetEnabled(form.Enabled, now);
            if (form.Paused)
            {
                settings.Pause(now);
            }
            else
            {
                settings.Resume(now);
            }

            await context.SaveChangesAsync(cancellationToken);
            AuditTrail.Record(context, actor, "waiting-room.saved", nameof(WaitingRoomSettings), settings.Id, before, Snapshot(settings), now);
            await context.SaveChangesAsync(cancellationToken);
            await ForgetAsync(context, command, cancellationToken);
            return CommandResult.Success(settings.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
    }

    private async Task ForgetAsync(TicketBlueDbContext context, SaveWaitingRoomCommand command, CancellationToken cancellationToken)
    {
        var rounds = command.RoundId is { } roundId
            ? [roundId]
            : await context.Rounds.Where(round => round.PerformanceId == command.PerformanceId).Select(round => round.Id).ToListAsync(cancellationToken);
        foreach (var round in rounds)
        {
            reader.Forget(round);
        }
    }

    private static object Snapshot(WaitingRoomSettings settings) => new
    {
        settings.PerformanceId,
        settings.RoundId,
        settings.Enabled,
        settings.AdmissionPerMinute,
        settings.MaxActive,
        settings.Paused,
    };
}
