using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>The availability answer written from JSON kept per snapshot says exactly what serializing the response would.</summary>
[Trait("Category", "Unit")]
public sealed class AvailabilityJsonTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private static readonly JsonOptions Options = new();
    private readonly AvailabilityJson _json = new(Microsoft.Extensions.Options.Options.Create(Options));

    [Theory]
    [InlineData(null)]
    [InlineData("R")]
    [InlineData("S")]
    [InlineData("VIP")]
    public async Task ShouldWriteWhatTheResponseSerializesTo_ForEveryGradeAskedFor(string? grade)
    {
        var availability = Board().AvailabilityAt(Now);
        var expected = new AvailabilityResponse(7, Now, availability.Grades.Select(GradeResponse.From).ToList(), availability.SeatIds(grade));

        var written = await WriteAsync(_json.Ok(7, Now, availability, grade));

        written.ShouldBe(JsonSerializer.Serialize(expected, Options.SerializerOptions));
    }

    [Fact]
    public async Task ShouldWriteTheNewSeats_OnceTheBoardChanged()
    {
        var board = Board();
        var before = await WriteAsync(_json.Ok(7, Now, board.AvailabilityAt(Now), null));

        var changed = board.With([new SeatStatus(1, SeatState.Held, "u1", Now.AddMinutes(10)) { Version = 1 }]);
        var after = await WriteAsync(_json.Ok(7, Now, changed.AvailabilityAt(Now), null));

        Ids(before).ShouldBe([1, 2, 4]);
        Ids(after).ShouldBe([2, 4]);
    }

    [Fact]
    public async Task ShouldAnswerJsonWith200()
    {
        var context = new DefaultHttpContext { Response = { Body = new MemoryStream() } };

        await _json.Ok(7, Now, Board().AvailabilityAt(Now), null).ExecuteAsync(context);

        context.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
        context.Response.ContentType.ShouldBe("application/json; charset=utf-8");
    }

    private static long[] Ids(string json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("availableSeatIds").EnumerateArray().Select(id => id.GetInt64()).ToArray();

    private static async Task<string> WriteAsync(IResult result)
    {
        var body = new MemoryStream();
        var context = new DefaultHttpContext { Response = { Body = body } };
        await result.ExecuteAsync(context);
        return Encoding.UTF8.GetString(body.ToArray());
    }

    private static RoundSeatBoard Board()
    {
        SeatStatus[] seats =
        [
            new(1, SeatState.Available, null, null),
            new(2, SeatState.Available, null, null),
            new(3, SeatState.Sold, null, null),
            new(4, SeatState.Available, null, null),
        ];
        return new RoundSeatBoard(
            7,
            seats.ToImmutableDictionary(seat => seat.RoundSeatId),
            seats.ToDictionary(seat => seat.RoundSeatId, seat => seat.RoundSeatId == 4 ? new SeatPrice("S", 80_000) : new SeatPrice("R", 110_000)),
            0);
    }
}
