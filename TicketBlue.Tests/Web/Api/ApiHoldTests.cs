using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Shouldly;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Web.Api;

/// <summary>
/// Availability and holds through the API on the real hold service, MariaDB and Redis. The round has
/// 20 seats and a limit of 4 per customer; each test uses its own customers and its own seats
/// (by index into the round's seats), so the tests do not depend on their order.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ApiHoldTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private const long UnknownRoundId = 987_654_321;

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldListGradesAndFreeSeatIds_GivenARoundOnSale()
    {
        using var client = app.Factory.CreateClient();

        var availability = await ApiCalls.AvailabilityAsync(client, app.RoundId);
        var r = await ApiCalls.AvailabilityAsync(client, app.RoundId, "R");
        var s = await ApiCalls.AvailabilityAsync(client, app.RoundId, "S");

        availability.RoundId.ShouldBe(app.RoundId);
        availability.AsOf.ShouldBeInRange(DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        availability.Grades.Select(grade => (grade.Grade, grade.Price, grade.Total)).ShouldBe([("R", TestCatalog.RPrice.Won, 10), ("S", TestCatalog.SPrice.Won, 10)]);
        availability.AvailableSeatIds.ShouldNotBeEmpty();
        availability.AvailableSeatIds.ShouldAllBe(id => app.RoundSeatIds.Contains(id));
        r.AvailableSeatIds.Intersect(s.AvailableSeatIds).ShouldBeEmpty();
        r.AvailableSeatIds.Concat(s.AvailableSeatIds).Order().ShouldBe(availability.AvailableSeatIds.Order());
    }

    [Fact]
    public async Task ShouldAnswerInCamelCase_GivenTheAvailabilityOfARound()
    {
        using var client = app.Factory.CreateClient();

        using var response = await client.GetAsync(new Uri($"/api/v1/rounds/{app.RoundId}/availability", UriKind.Relative), Cancellation);

        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancellation));
        body.RootElement.EnumerateObject().Select(property => property.Name).ShouldBe(["roundId", "asOf", "grades", "availableSeatIds"]);
        body.RootElement.GetProperty("grades")[0].EnumerateObject().Select(property => property.Name).ShouldBe(["grade", "price", "total", "available"]);
    }

    [Fact]
    public async Task ShouldAnswer404Problem_GivenAnUnknownRound()
    {
        using var client = await app.NewCustomerClientAsync();

        using var availability = await client.GetAsync(new Uri($"/api/v1/rounds/{UnknownRoundId}/availability", UriKind.Relative), Cancellation);
        using var hold = await ApiCalls.HoldAsync(client, UnknownRoundId, 1);

        await ApiCalls.ShouldBeProblemAsync(availability, HttpStatusCode.NotFound, ApiErrorCodes.RoundNotFound);
        await ApiCalls.ShouldBeProblemAsync(hold, HttpStatusCode.NotFound, ApiErrorCodes.RoundNotFound);
    }

    [Fact]
    public async Task ShouldCreateTheHoldAndTakeTheSeatOffTheBoard_GivenAFreeSeat()
    {
        var seat = app.RoundSeatIds[0];
        using var client = await app.NewCustomerClientAsync();

        using var response = await ApiCalls.HoldAsync(client, app.RoundId, seat);

        response.StatusCode.ShouldBe(HttpStatusCode.Created, await response.Content.ReadAsStringAsync(Cancellation));
        var hold = await ApiCalls.ReadHoldAsync(response);
        response.Headers.Location!.ToString().ShouldBe($"/api/v1/holds/{hold.HoldId}");
        hold.RoundId.ShouldBe(app.RoundId);
        hold.Seats.Select(held => held.Id).ShouldBe([seat]);
        hold.Seats[0].Label.ShouldNotBeNullOrWhiteSpace();
        hold.Total.ShouldBe(hold.Seats[0].Price);
        hold.ExpiresAt.ShouldBeGreaterThan(hold.CreatedAt);
        hold.CanExtend.ShouldBeTrue();
        (await ApiCalls.AvailabilityAsync(client, app.RoundId)).AvailableSeatIds.ShouldNotContain(seat);

        var listed = await client.GetFromJsonAsync<List<HoldResponse>>(new Uri($"/api/v1/holds?roundId={app.RoundId}", UriKind.Relative), ApiCalls.Json, Cancellation);
        listed!.Select(item => item.HoldId).ShouldBe([hold.HoldId]);
        var one = await client.GetFromJsonAsync<HoldResponse>(response.Headers.Location, ApiCalls.Json, Cancellation);
        one!.Seats.Select(held => held.Id).ShouldBe([seat]);
    }

    [Fact]
    public async Task ShouldAnswer409NamingTheLostSeatAndHoldNothing_GivenSomeoneHeldASeatFirst()
    {
        var (contested, free) = (app.RoundSeatIds[1], app.RoundSeatIds[2]);
        using var first = await app.NewCustomerClientAsync();
        using var second = await app.NewCustomerClientAsync();
        using var winner = await ApiCalls.HoldAsync(first, app.RoundId, contested);
        winner.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var response = await ApiCalls.HoldAsync(second, app.RoundId, contested, free);

        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.Conflict, "seat.unavailable");
        var lost = problem.GetProperty("lostSeats").EnumerateArray().ToList();
        lost.Select(seat => seat.GetProperty("id").GetInt64()).ShouldBe([contested]);
        lost[0].GetProperty("label").GetString().ShouldNotBeNullOrWhiteSpace();
        var board = await ApiCalls.AvailabilityAsync(second, app.RoundId);
        board.AvailableSeatIds.ShouldContain(free);
        board.AvailableSeatIds.ShouldNotContain(contested);
    }

    [Fact]
    public async Task ShouldAnswer409HeldByYou_GivenTheCallerAlreadyHoldsTheSeat()
    {
        var seat = app.RoundSeatIds[17];
        using var client = await app.NewCustomerClientAsync();
        using var first = await ApiCalls.HoldAsync(client, app.RoundId, seat);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var again = await ApiCalls.HoldAsync(client, app.RoundId, seat);

        var problem = await ApiCalls.ShouldBeProblemAsync(again, HttpStatusCode.Conflict, "seat.held_by_you");
        problem.GetProperty("lostSeats").EnumerateArray().Select(lost => lost.GetProperty("id").GetInt64()).ShouldBe([seat]);
    }

    [Fact]
    public async Task ShouldFreeTheSeatAt204_GivenTheCustomerReleasesTheHold()
    {
        var seat = app.RoundSeatIds[3];
        using var client = await app.NewCustomerClientAsync();
        using var created = await ApiCalls.HoldAsync(client, app.RoundId, seat);
        var hold = await ApiCalls.ReadHoldAsync(created);

        using var released = await client.DeleteAsync(created.Headers.Location, Cancellation);

        released.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        (await ApiCalls.AvailabilityAsync(client, app.RoundId)).AvailableSeatIds.ShouldContain(seat);
        using var again = await client.DeleteAsync(created.Headers.Location, Cancellation);
        await ApiCalls.ShouldBeProblemAsync(again, HttpStatusCode.Conflict, "hold.not_active");
        using var gone = await client.GetAsync(new Uri($"/api/v1/holds/{hold.HoldId}", UriKind.Relative), Cancellation);
        await ApiCalls.ShouldBeProblemAsync(gone, HttpStatusCode.NotFound, ApiErrorCodes.HoldNotFound);
    }

    [Fact]
    public async Task ShouldAnswer422HoldLimit_GivenMoreSeatsThanTheRoundAllowsPerCustomer()
    {
        using var client = await app.NewCustomerClientAsync();

        using var response = await ApiCalls.HoldAsync(client, app.RoundId, [.. app.RoundSeatIds.Skip(4).Take(5)]);

        var problem = await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.UnprocessableEntity, "hold.limit");
        problem.GetProperty("detail").GetString()!.ShouldContain("4매");
        (await ApiCalls.AvailabilityAsync(client, app.RoundId)).AvailableSeatIds.ShouldContain(app.RoundSeatIds[4]);
    }

    [Fact]
    public async Task ShouldWordARefusedHoldInTheRequestsLanguage_GivenKoreanOrEnglish()
    {
        using var client = await app.NewCustomerClientAsync();
        var seats = new { seatIds = app.RoundSeatIds.Skip(4).Take(5).ToArray() };

        using var korean = await client.PostAsJsonAsync(new Uri($"/api/v1/rounds/{app.RoundId}/holds", UriKind.Relative), seats, Cancellation);
        using var english = await client.PostAsJsonAsync(new Uri($"/api/v1/rounds/{app.RoundId}/holds?culture=en", UriKind.Relative), seats, Cancellation);

        (await ApiCalls.ShouldBeProblemAsync(korean, HttpStatusCode.UnprocessableEntity, "hold.limit")).GetProperty("detail").GetString()
            .ShouldBe("이 회차는 1인당 4매까지 예매할 수 있습니다. (현재 0매 보유)");
        (await ApiCalls.ShouldBeProblemAsync(english, HttpStatusCode.UnprocessableEntity, "hold.limit")).GetProperty("detail").GetString()
            .ShouldBe("You can book up to 4 tickets for this round. (You have 0 now.)");
    }

    [Fact]
    public async Task ShouldCountSeatsAlreadyHeld_GivenASecondHoldPastTheLimit()
    {
        using var client = await app.NewCustomerClientAsync();
        using var first = await ApiCalls.HoldAsync(client, app.RoundId, [.. app.RoundSeatIds.Skip(9).Take(3)]);
        first.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var second = await ApiCalls.HoldAsync(client, app.RoundId, [.. app.RoundSeatIds.Skip(12).Take(2)]);

        await ApiCalls.ShouldBeProblemAsync(second, HttpStatusCode.UnprocessableEntity, "hold.limit");
    }

    [Fact]
    public async Task ShouldHideAnotherCustomersHold_GivenItsId()
    {
        using var owner = await app.NewCustomerClientAsync();
        using var stranger = await app.NewCustomerClientAsync();
        using var created = await ApiCalls.HoldAsync(owner, app.RoundId, app.RoundSeatIds[14]);
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        using var read = await stranger.GetAsync(created.Headers.Location, Cancellation);
        using var release = await stranger.DeleteAsync(created.Headers.Location, Cancellation);
        using var extend = await stranger.PostAsync(new Uri($"{created.Headers.Location}/extend", UriKind.Relative), null, Cancellation);

        await ApiCalls.ShouldBeProblemAsync(read, HttpStatusCode.NotFound, ApiErrorCodes.HoldNotFound);
        await ApiCalls.ShouldBeProblemAsync(release, HttpStatusCode.NotFound, ApiErrorCodes.HoldNotFound);
        await ApiCalls.ShouldBeProblemAsync(extend, HttpStatusCode.NotFound, ApiErrorCodes.HoldNotFound);
        (await ApiCalls.AvailabilityAsync(owner, app.RoundId)).AvailableSeatIds.ShouldNotContain(app.RoundSeatIds[14]);
    }

    [Fact]
    public async Task ShouldExtendOnceThenAnswer422_GivenTheDefaultHoldPolicy()
    {
        using var client = await app.NewCustomerClientAsync();
        using var created = await ApiCalls.HoldAsync(client, app.RoundId, app.RoundSeatIds[15]);
        var hold = await ApiCalls.ReadHoldAsync(created);
        var extendUri = new Uri($"{created.Headers.Location}/extend", UriKind.Relative);

        using var extended = await client.PostAsync(extendUri, null, Cancellation);
        using var refused = await client.PostAsync(extendUri, null, Cancellation);

        extended.StatusCode.ShouldBe(HttpStatusCode.OK, await extended.Content.ReadAsStringAsync(Cancellation));
        var longer = await ApiCalls.ReadHoldAsync(extended);
        longer.ExpiresAt.ShouldBeGreaterThan(hold.ExpiresAt);
        longer.CanExtend.ShouldBeFalse();
        await ApiCalls.ShouldBeProblemAsync(refused, HttpStatusCode.UnprocessableEntity, "hold.no_more_extensions");
    }

    [Fact]
    public async Task ShouldAnswer422_GivenASeatIdThatIsNotTheRounds()
    {
        using var client = await app.NewCustomerClientAsync();

        using var response = await ApiCalls.HoldAsync(client, app.RoundId, app.RoundSeatIds.Max() + 1_000_000);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.UnprocessableEntity, "seat.not_found");
    }

    [Fact]
    public async Task ShouldAnswer400_GivenTheSameSeatTwice()
    {
        using var client = await app.NewCustomerClientAsync();

        using var response = await ApiCalls.HoldAsync(client, app.RoundId, app.RoundSeatIds[16], app.RoundSeatIds[16]);

        await ApiCalls.ShouldBeProblemAsync(response, HttpStatusCode.BadRequest, "hold.duplicate_seat");
    }
}
