namespace TicketBlue.Infrastructure.Tickets;

/// <summary>The door check-in as the gate page sees it; <see cref="CheckInService"/> is the one implementation.</summary>
public interface ICheckInService
{
    Task<CheckInResult> CheckInAsync(string? scannedCode, CancellationToken cancellationToken);
}
