using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Domain.Reviews;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Web.Api;

/// <summary><c>/api/v1/reservations/{id}/review</c> on the real app: the caller's own review, written once the show started, with the rules' codes as problems.</summary>
[Trait("Category", "Integration")]
public sealed class ReviewsApiTests(ApiTestApp app) : IClassFixture<ApiTestApp>
{
    private const string Words = "무대 연출이 인상적이었습니다.";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldWriteReadEditAndDelete_TheCallersReviewAfterTheShow()
    {
        var (client, userId) = await CustomerAsync();
        var sale = await ReservationSales.SellAsync(app.Database, userId, DateTimeOffset.UtcNow.AddDays(-8));
        var address = ReviewAddress(sale.ReservationId);

        using (var none = await client.GetAsync(address, Ct))
        {
            await ApiCalls.ShouldBeProblemAsync(none, HttpStatusCode.NotFound, ReviewCodes.NotFound);
        }

        using (var badRating = await client.PutAsJsonAsync(address, new { rating = 6, content = Words }, Ct))
        {
            await ApiCalls.ShouldBeProblemAsync(badRating, HttpStatusCode.BadRequest, ReviewCodes.Rating);
        }

        using (var tooShort = await client.PutAsJsonAsync(address, new { rating = 4, content = "좋음" }, Ct))
        {
            await ApiCalls.ShouldBeProblemAsync(tooShort, HttpStatusCode.BadRequest, ReviewCodes.Content);
        }

        var written = await SaveAsync(client, address, 5, Words);
        var edited = await SaveAsync(client, address, 3, "두 번째로 보니 조금 길었습니다.");
        var read = await ReadAsync(client, address);

        (written.ReservationId, written.PerformanceId, written.Rating, written.Content, written.Hidden).ShouldBe((sale.ReservationId, sale.PerformanceId, 5, Words, false));
        edited.ReviewId.ShouldBe(written.ReviewId);
        edited.UpdatedAt.ShouldNotBeNull();
        (read.Rating, read.Content).ShouldBe((3, "두 번째로 보니 조금 길었습니다."));

        using (var deleted = await client.DeleteAsync(address, Ct))
        {
            deleted.StatusCode.ShouldBe(HttpStatusCode.NoContent);
        }

        using (var gone = await client.GetAsync(address, Ct))
        {
            await ApiCalls.ShouldBeProblemAsync(gone, HttpStatusCode.NotFound, ReviewCodes.NotFound);
        }
    }

    [Fact]
    public async Task ShouldAnswerAnotherCustomersReservationAsMissing()
    {
        var (owner, ownerId) = await CustomerAsync();
        var (stranger, _) = await CustomerAsync();
        var sale = await ReservationSales.SellAsync(app.Database, ownerId, DateTimeOffset.UtcNow.AddDays(-8));
        var address = ReviewAddress(sale.ReservationId);
        await SaveAsync(owner, address, 5, Words);

        using var read = await stranger.GetAsync(address, Ct);
        using var write = await stranger.PutAsJsonAsync(address, new { rating = 1, content = "남의 예매에 쓰는 관람평" }, Ct);
        using var delete = await stranger.DeleteAsync(address, Ct);

        await ApiCalls.ShouldBeProblemAsync(read, HttpStatusCode.NotFound, ReviewCodes.ReservationNotFound);
        await ApiCalls.ShouldBeProblemAsync(write, HttpStatusCode.NotFound, ReviewCodes.ReservationNotFound);
        await ApiCalls.ShouldBeProblemAsync(delete, HttpStatusCode.NotFound, ReviewCodes.NotFound);
        (await ReadAsync(owner, address)).Rating.ShouldBe(5);
    }

    [Fact]
    public async Task ShouldRefuseBeforeTheShow_AndAnonymousCallers()
    {
        var (client, userId) = await CustomerAsync();
        var sale = await ReservationSales.SellAsync(app.Database, userId, DateTimeOffset.UtcNow);
        var address = ReviewAddress(sale.ReservationId);

        using var early = await client.PutAsJsonAsync(address, new { rating = 5, content = Words }, Ct);
        using var anonymous = await app.Factory.CreateClient().PutAsJsonAsync(address, new { rating = 5, content = Words }, Ct);

        var problem = await ApiCalls.ShouldBeProblemAsync(early, HttpStatusCode.UnprocessableEntity, ReviewCodes.TooEarly);
        problem.GetProperty("detail").GetString().ShouldBe("관람평은 공연이 시작된 뒤에 쓸 수 있습니다.");
        await ApiCalls.ShouldBeProblemAsync(anonymous, HttpStatusCode.Unauthorized, ApiErrorCodes.AuthRequired);
    }

    [Fact]
    public async Task ShouldDescribeTheReviewOperationsAndTheirErrors()
    {
        using var client = app.Factory.CreateClient();
        using var response = await client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);
        using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));

        var review = document.RootElement.GetProperty("paths").GetProperty("/api/v1/reservations/{reservationId}/review");
        review.EnumerateObject().Select(operation => operation.Name).ShouldBe(["get", "put", "delete"], ignoreOrder: true);
        var put = review.GetProperty("put");
        put.GetProperty("security").EnumerateArray().SelectMany(requirement => requirement.EnumerateObject()).Select(item => item.Name).ShouldContain("Bearer");
        put.GetProperty("responses").EnumerateObject().Select(item => item.Name).ShouldBe(["200", "400", "401", "404", "409", "422"], ignoreOrder: true);
        put.GetProperty("description").GetString()!.ShouldContain(ReviewCodes.AlreadyWritten);
        review.GetProperty("delete").GetProperty("responses").EnumerateObject().Select(item => item.Name).ShouldBe(["204", "401", "404"], ignoreOrder: true);
    }

    private static Uri ReviewAddress(long reservationId) => new($"/api/v1/reservations/{reservationId}/review", UriKind.Relative);

    private static async Task<ReviewResponse> SaveAsync(HttpClient client, Uri address, int rating, string content)
    {
        using var response = await client.PutAsJsonAsync(address, new { rating, content }, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ReviewResponse>(ApiCalls.Json, Ct))!;
    }

    private static async Task<ReviewResponse> ReadAsync(HttpClient client, Uri address)
    {
        using var response = await client.GetAsync(address, Ct);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync(Ct));
        return (await response.Content.ReadFromJsonAsync<ReviewResponse>(ApiCalls.Json, Ct))!;
    }

    private async Task<(HttpClient Client, string UserId)> CustomerAsync()
    {
        var email = await app.NewCustomerAsync();
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email);
        var client = app.Factory.CreateClient();
        var token = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token.AccessToken);
        return (client, user!.Id);
    }
}
