namespace TicketBlue.Infrastructure.Files;

/// <summary>An image that is now in the blob store: its generated key, the type its bytes proved, and its size.</summary>
public sealed record StoredImage(string Key, string ContentType, long SizeBytes);
