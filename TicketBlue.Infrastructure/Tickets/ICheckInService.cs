using TicketBlue.Infrastructure.Auditing;

namespace TicketBlue.Infrastructure.Tickets;

/// <summary>The door check-in as the gate page sees it; <see cref="CheckInService"/> is the one implementation.</summary>
public interface ICheckInService
{
    /// <summary>Scans <paramref name="scannedCode"/> at a gate admitting round <paramref name="roundId"/>, audited under <paramref name="gate"/>.</summary>
    Task<CheckInResult> CheckInAsync(long roundId, string? scannedCode, AdminActor gate, CancellationToken cancellationToken);
}
