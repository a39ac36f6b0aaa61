using System.Net;
using NSubstitute;
using Shouldly;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Web.Api;

/// <summary>
/// Idempotency-Key on payment confirm and reservation cancel, against the real IdempotencyRecords
/// table: replays, a key reused for another payload, concurrent duplicates. Each test uses its own
/// customer, order ids and keys.
/// </summary>
[Trait("Category", "Integration")]
public sealed class IdempotencyApiTests(CheckoutApiTestApp app) : IClassFixture<CheckoutApiTestApp>
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldReplayTheFirstAnswerWithoutConfirmingAgain_GivenTheSameKeyAndPayload()
    {
        using var client = await app.NewCustomerClientAsync();
        var orderId = NewOrderId();
        app.Confirmations.ConfirmAsync(Arg.Any<string>(), Arg.Is<PaymentConfirmation>(confirmation => confirmation.OrderId == orderId), Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Success(new ConfirmedReservation(501, "TB-20261126-0001", AlreadyConfirmed: false)));
        var key = Guid.NewGuid().ToString();
        var body = new { paymentKey = "tdemo_1", orderId, amount = 110_000 };

        using var first = await CheckoutApiCalls.ConfirmAsync(client, key, body);
        using var second = await CheckoutApiCalls.ConfirmAsync(client, key, body);

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        var firstBody = await first.Content.ReadAsStringAsync(Cancellation);
        (await second.Content.ReadAsStringAsync(Cancellation)).ShouldBe(firstBody);
        firstBody.ShouldContain("\"reservationNumber\":\"TB-20261126-0001\"");
        first.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        second.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        await app.Confirmations.Received(1).ConfirmAsync(Arg.Any<string>(), Arg.Is<PaymentConfirmation>(confirmation => confirmation.OrderId == orderId), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldReplayAFailureProblemToo_GivenTheFirstCancelWasRefused()
    {
        using var client = await app.NewCustomerClientAsync();
        const long reservationId = 7001;
        app.Cancellations.CancelAsync(Arg.Any<string>(), reservationId, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(CancellationResult.Failed(new ErrorText("cancel.seat_used") { Variant = "all" }));
        var key = Guid.NewGuid().ToString();

        using var first = await CheckoutApiCalls.CancelAsync(client, reservationId, key, new { reason = "일정 변경" });
        using var second = await CheckoutApiCalls.CancelAsync(client, reservationId, key, new { reason = "일정 변경" });

        var problem = await ApiCalls.ShouldBeProblemAsync(first, HttpStatusCode.UnprocessableEntity, "cancel.seat_used");
        problem.GetProperty("detail").GetString().ShouldBe("모든 좌석이 이미 입장 처리되어 취소할 수 없습니다.");
        await ApiCalls.ShouldBeProblemAsync(second, HttpStatusCode.UnprocessableEntity, "cancel.seat_used");
        await app.Cancellations.Received(1).CancelAsync(Arg.Any<string>(), reservationId, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldRefuseWith422_GivenTheSameKeyWithAnotherPayload()
    {
        using var client = await app.NewCustomerClientAsync();
        var orderId = NewOrderId();
        app.Confirmations.ConfirmAsync(Arg.Any<string>(), Arg.Is<PaymentConfirmation>(confirmation => confirmation.OrderId == orderId), Arg.Any<CancellationToken>())
            .Returns(CheckoutResult.Success(new ConfirmedReservation(502, "TB-20261126-0002", AlreadyConfirmed: false)));
        var key = Guid.NewGuid().ToString();

        using var first = await CheckoutApiCalls.ConfirmAsync(client, key, new { paymentKey = "tdemo_2", orderId, amount = 110_000 });
        using var tampered = await CheckoutApiCalls.ConfirmAsync(client, key, new { paymentKey = "tdemo_2", orderId, amount = 1_000 });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        await ApiCalls.ShouldBeProblemAsync(tampered, HttpStatusCode.UnprocessableEntity, ApiErrorCodes.IdempotencyKeyReused);
        await app.Confirmations.Received(1).ConfirmAsync(Arg.Any<string>(), Arg.Is<PaymentConfirmation>(confirmation => confirmation.OrderId == orderId), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldConfirmOnceAndAnswer409ToTheOthers_GivenDuplicatesWhileTheFirstRuns()
    {
        using var client = await app.NewCustomerClientAsync();
        var orderId = NewOrderId();
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        app.Confirmations.ConfirmAsync(Arg.Any<string>(), Arg.Is<PaymentConfirmation>(confirmation => confirmation.OrderId == orderId), Arg.Any<CancellationToken>())
            .Returns(async _ =>
            {
                await release.Task;
                return CheckoutResult.Success(new ConfirmedReservation(503, "TB-20261126-0003", AlreadyConfirmed: false));
            });
        var key = Guid.NewGuid().ToString();
        var body = new { paymentKey = "tdemo_3", orderId, amount = 80_000 };

        var requests = Enumerable.Range(0, 5).Select(_ => CheckoutApiCalls.ConfirmAsync(client, key, body)).ToList();
        // One request claims the key and waits inside the service; the others must all be answered meanwhile.
        var deadline = DateTimeOffset.UtcNow.AddSeconds(30);
        while (requests.Count(request => request.IsCompleted) < requests.Count - 1 && DateTimeOffset.UtcNow < deadline)
        {
            await Task.WhenAny(Task.WhenAny(requests.Where(request => !request.IsCompleted)), Task.Delay(TimeSpan.FromSeconds(1), Cancellation));
        }

        release.SetResult();
        var responses = await Task.WhenAll(requests);

        try
        {
            responses.Count(response => response.StatusCode == HttpStatusCode.OK).ShouldBe(1);
            foreach (var duplicate in responses.Where(response => response.StatusCode != HttpStatusCode.OK))
            {
                await ApiCalls.ShouldBeProblemAsync(duplicate, HttpStatusCode.Conflict, ApiErrorCodes.IdempotencyInProgress);
            }

            await app.Confirmations.Received(1).ConfirmAsync(Arg.Any<string>(), Arg.Is<PaymentConfirmation>(confirmation => confirmation.OrderId == orderId), Arg.Any<CancellationToken>());
            using var later = await CheckoutApiCalls.ConfirmAsync(client, key, body);
            later.StatusCode.ShouldBe(HttpStatusCode.OK);
            later.Headers.GetValues("Idempotent-Replayed").ShouldBe(["true"]);
        }
        finally
        {
            foreach (var response in responses)
            {
                response.Dispose();
            }
        }
    }

    [Fact]
    public async Task ShouldRunAgain_GivenTheFirstRequestWithTheKeyFailedWithAServerError()
    {
        using var client = await app.NewCustomerClientAsync();
        var orderId = NewOrderId();
        var calls = 0;
        app.Confirmations.ConfirmAsync(Arg.Any<string>(), Arg.Is<PaymentConfirmation>(confirmation => confirmation.OrderId == orderId), Arg.Any<CancellationToken>())
            .Returns(_ => ++calls == 1
                ? throw new InvalidOperationException("database went away")
                : Task.FromResult(CheckoutResult.Success(new ConfirmedReservation(504, "TB-20261126-0004", AlreadyConfirmed: false))));
        var key = Guid.NewGuid().ToString();
        var body = new { paymentKey = "tdemo_5", orderId, amount = 80_000 };

        using var failed = await CheckoutApiCalls.ConfirmAsync(client, key, body);
        using var retried = await CheckoutApiCalls.ConfirmAsync(client, key, body);

        await ApiCalls.ShouldBeProblemAsync(failed, HttpStatusCode.InternalServerError, ApiErrorCodes.ServerError);
        retried.StatusCode.ShouldBe(HttpStatusCode.OK);
        retried.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        calls.ShouldBe(2);
    }

    [Fact]
    public async Task ShouldRequireTheHeader_GivenAConfirmOrCancelWithoutIdempotencyKey()
    {
        using var client = await app.NewCustomerClientAsync();

        using var confirm = await CheckoutApiCalls.ConfirmAsync(client, null, new { paymentKey = "tdemo_4", orderId = NewOrderId(), amount = 1000 });
        using var cancel = await CheckoutApiCalls.CancelAsync(client, 7002, "   ", new { reason = "단순 변심" });

        await ApiCalls.ShouldBeProblemAsync(confirm, HttpStatusCode.BadRequest, ApiErrorCodes.IdempotencyKeyRequired);
        await ApiCalls.ShouldBeProblemAsync(cancel, HttpStatusCode.BadRequest, ApiErrorCodes.IdempotencyKeyRequired);
        await app.Cancellations.DidNotReceive().CancelAsync(Arg.Any<string>(), 7002, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldKeepCustomersApart_GivenTwoCustomersChoosingTheSameKey()
    {
        using var minji = await app.NewCustomerClientAsync();
        using var jisoo = await app.NewCustomerClientAsync();
        const long reservationId = 7003;
        app.Cancellations.CancelAsync(Arg.Any<string>(), reservationId, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(CancellationResult.Success(new CancellationOutcome(reservationId, [11, 12], 220_000, ReservationCancelled: true)));
        var key = "same-key-" + Guid.NewGuid().ToString("N");

        using var first = await CheckoutApiCalls.CancelAsync(minji, reservationId, key, new { reason = "일정 변경" });
        using var second = await CheckoutApiCalls.CancelAsync(jisoo, reservationId, key, new { reason = "단순 변심" });

        first.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.StatusCode.ShouldBe(HttpStatusCode.OK);
        second.Headers.Contains("Idempotent-Replayed").ShouldBeFalse();
        await app.Cancellations.Received(2).CancelAsync(Arg.Any<string>(), reservationId, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<string>(), Arg.Any<CancellationToken>());
    }

    private static string NewOrderId() => "TB" + Guid.NewGuid().ToString("N");
}
