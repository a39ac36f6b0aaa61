using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Booking;

namespace TicketBlue.Web.Api;

/// <summary>
/// Writes the availability answer (<see cref="AvailabilityResponse"/>) from JSON kept per
/// availability snapshot. In an on-sale rush every client reads the same free-seat list (up to a
/// hall's worth of ids, ~12 KB) many times between two changes; it is serialized once per snapshot
/// and grade and copied to each reader, and only <c>roundId</c> and <c>asOf</c> are written per
/// request. The kept JSON lives exactly as long as its snapshot (a weak table).
/// </summary>
public sealed class AvailabilityJson(IOptions<JsonOptions> options)
{
    private readonly ConditionalWeakTable<SeatAvailability, Parts> _parts = new();
    private readonly JsonSerializerOptions _json = options.Value.SerializerOptions;
    private readonly Names _names = new(options.Value.SerializerOptions);

    /// <summary>The 200 answer for <paramref name="grade"/> (all grades when null) of the round at <paramref name="asOf"/>.</summary>
    public IResult Ok(long roundId, DateTimeOffset asOf, SeatAvailability availability, string? grade)
    {
        var parts = _parts.GetValue(availability, snapshot => new Parts(snapshot, _json));
        return new Answer(_names, _json, roundId, asOf, parts.Grades, parts.SeatIds(grade));
    }

    /// <summary>The JSON of one snapshot: its grades, and its free seats per grade asked for.</summary>
    private sealed class Parts(SeatAvailability availability, JsonSerializerOptions json)
    {
        private const string AllGrades = "";
        private static readonly byte[] None = "[]"u8.ToArray();
        private readonly ConcurrentDictionary<string, byte[]> _seatIds = new(StringComparer.Ordinal);

        public byte[] Grades { get; } = JsonSerializer.SerializeToUtf8Bytes(availability.Grades.Select(GradeResponse.From).ToList(), json);

        public byte[] SeatIds(string? grade)
        {
            // Only the round's own grades are kept: a client cannot grow the table with made-up ones.
            if (grade is not null && !availability.AvailableByGrade.ContainsKey(grade))
            {
                return None;
            }

            return _seatIds.GetOrAdd(grade ?? AllGrades, key => JsonSerializer.SerializeToUtf8Bytes(availability.SeatIds(key == AllGrades ? null : key), json));
        }
    }

    /// <summary>The property names as the API's naming policy spells them (camelCase).</summary>
    private sealed class Names(JsonSerializerOptions json)
    {
        public JsonEncodedText RoundId { get; } = Name(json, nameof(AvailabilityResponse.RoundId));

        public JsonEncodedText AsOf { get; } = Name(json, nameof(AvailabilityResponse.AsOf));

        public JsonEncodedText Grades { get; } = Name(json, nameof(AvailabilityResponse.Grades));

        public JsonEncodedText AvailableSeatIds { get; } = Name(json, nameof(AvailabilityResponse.AvailableSeatIds));

        private static JsonEncodedText Name(JsonSerializerOptions json, string name) =>
            JsonEncodedText.Encode(json.PropertyNamingPolicy?.ConvertName(name) ?? name, json.Encoder);
    }

    private sealed class Answer(Names names, JsonSerializerOptions json, long roundId, DateTimeOffset asOf, byte[] grades, byte[] seatIds) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.StatusCode = StatusCodes.Status200OK;
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, new JsonWriterOptions { Encoder = json.Encoder }))
            {
                writer.WriteStartObject();
                writer.WriteNumber(names.RoundId, roundId);
                writer.WriteString(names.AsOf, asOf);
                writer.WritePropertyName(names.Grades);
                writer.WriteRawValue(grades, skipInputValidation: true);
                writer.WritePropertyName(names.AvailableSeatIds);
                writer.WriteRawValue(seatIds, skipInputValidation: true);
                writer.WriteEndObject();
            }

            await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
        }
    }
}
