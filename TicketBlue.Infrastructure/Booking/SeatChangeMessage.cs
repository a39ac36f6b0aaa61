using System.Text.Json.Serialization;
using TicketBlue.Domain.Rounds;

namespace TicketBlue.Infrastructure.Booking;

/// <summary>
/// Seat changes of one round as they travel between nodes over Redis: short property names, because
/// an on-sale rush sends thousands of these a second.
/// </summary>
public sealed record SeatChangeMessage(
    [property: JsonPropertyName("o")] string Origin,
    [property: JsonPropertyName("r")] long RoundId,
    [property: JsonPropertyName("s")] IReadOnlyList<SeatChangeMessage.Seat> Seats)
{
    public static SeatChangeMessage From(string origin, long roundId, IReadOnlyList<SeatStatus> changes) =>
        new(origin, roundId, changes.Select(change => new Seat(change.RoundSeatId, change.State, change.HolderUserId, change.HoldExpiresAt, change.Version)).ToList());

    public IReadOnlyList<SeatStatus> ToStatuses() =>
        Seats.Select(seat => new SeatStatus(seat.Id, seat.State, seat.Holder, seat.ExpiresAt) { Version = seat.Version }).ToList();

    public sealed record Seat(
        [property: JsonPropertyName("i")] long Id,
        [property: JsonPropertyName("st")] SeatState State,
        [property: JsonPropertyName("h")] string? Holder,
        [property: JsonPropertyName("e")] DateTimeOffset? ExpiresAt,
        [property: JsonPropertyName("v")] int Version);
}

[JsonSourceGenerationOptions(UseStringEnumConverter = true, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SeatChangeMessage))]
internal sealed partial class SeatFeedJson : JsonSerializerContext;
