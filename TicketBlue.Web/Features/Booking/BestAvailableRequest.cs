namespace TicketBlue.Web.Features.Booking;

/// <summary>What the customer asked the best-available picker for.</summary>
public sealed record BestAvailableRequest(string Grade, int Count, bool Wheelchair);
