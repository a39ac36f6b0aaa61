namespace TicketBlue.Infrastructure.Auditing;

/// <summary>The admin performing an action, as re-checked against the database for that action.</summary>
public sealed record AdminActor(string UserId, string Email);
