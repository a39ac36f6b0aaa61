namespace TicketBlue.Web.Features.Catalog;

/// <summary>The choices of the category filter bar, on their way into the address.</summary>
public sealed record CategoryFilter(DateOnly? From, DateOnly? To, long? VenueId, long? MinPrice, long? MaxPrice);
