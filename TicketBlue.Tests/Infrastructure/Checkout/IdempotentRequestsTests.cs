using Shouldly;
using TicketBlue.Tests.Web.Features.Catalog;
using TicketBlue.Web.Api.Idempotency;

namespace TicketBlue.Tests.Infrastructure.Checkout;

/// <summary>The idempotency claims on the IdempotencyRecords table, with the clock moved by the test.</summary>
[Trait("Category", "Integration")]
public sealed class IdempotentRequestsTests : CatalogDatabaseTest
{
    private const string Scope = "payments.confirm";
    private const string User = "user-idem";

    private static readonly string Payload = IdempotentRequests.Hash("{\"orderId\":\"A\",\"amount\":1000}");

    [Fact]
    public async Task ShouldReplayTheKeptAnswer_GivenTheFirstRequestCompleted()
    {
        var requests = Requests();
        var claim = await requests.BeginAsync(Scope, User, "key-1", Payload, Cancellation);
        await requests.CompleteAsync(claim, 200, "{\"reservationId\":1}", Cancellation);

        var again = await requests.BeginAsync(Scope, User, "key-1", Payload, Cancellation);
        var otherPayload = await requests.BeginAsync(Scope, User, "key-1", IdempotentRequests.Hash("other"), Cancellation);

        claim.Outcome.ShouldBe(IdempotencyOutcome.Started);
        again.ShouldBe(new IdempotencyClaim(IdempotencyOutcome.Replay, Scope, $"{User}:key-1", 200, "{\"reservationId\":1}"));
        otherPayload.Outcome.ShouldBe(IdempotencyOutcome.KeyReused);
    }

    [Fact]
    public async Task ShouldLetARetryTakeOver_GivenAClaimAbandonedLongerThanTheLease()
    {
        var requests = Requests();
        await requests.BeginAsync(Scope, User, "key-2", Payload, Cancellation);

        var meanwhile = await requests.BeginAsync(Scope, User, "key-2", Payload, Cancellation);
        Clock.Advance(IdempotentRequests.Lease + TimeSpan.FromSeconds(1));
        var later = await requests.BeginAsync(Scope, User, "key-2", Payload, Cancellation);
        var racingRetry = await requests.BeginAsync(Scope, User, "key-2", Payload, Cancellation);

        meanwhile.Outcome.ShouldBe(IdempotencyOutcome.InProgress);
        later.Outcome.ShouldBe(IdempotencyOutcome.Started);
        racingRetry.Outcome.ShouldBe(IdempotencyOutcome.InProgress);
    }

    [Fact]
    public async Task ShouldRunAgain_GivenTheClaimWasAbandonedAfterAFault()
    {
        var requests = Requests();
        var claim = await requests.BeginAsync(Scope, User, "key-3", Payload, Cancellation);
        await requests.AbandonAsync(claim);

        var retry = await requests.BeginAsync(Scope, User, "key-3", Payload, Cancellation);

        retry.Outcome.ShouldBe(IdempotencyOutcome.Started);
    }

    [Fact]
    public async Task ShouldTreatTheKeyAsNew_GivenItsAnswerIsOlderThanTheRetention()
    {
        var requests = Requests();
        var claim = await requests.BeginAsync(Scope, User, "key-4", Payload, Cancellation);
        await requests.CompleteAsync(claim, 200, "{}", Cancellation);
        Clock.Advance(IdempotentRequests.Retention);

        var reused = await requests.BeginAsync(Scope, User, "key-4", IdempotentRequests.Hash("a new payment"), Cancellation);

        reused.Outcome.ShouldBe(IdempotencyOutcome.Started);
    }

    [Fact]
    public async Task ShouldKeepScopesAndCustomersApart_GivenTheSameKey()
    {
        var requests = Requests();
        await requests.BeginAsync(Scope, User, "key-5", Payload, Cancellation);

        var otherScope = await requests.BeginAsync("reservations.cancel", User, "key-5", Payload, Cancellation);
        var otherUser = await requests.BeginAsync(Scope, "user-other", "key-5", Payload, Cancellation);

        otherScope.Outcome.ShouldBe(IdempotencyOutcome.Started);
        otherUser.Outcome.ShouldBe(IdempotencyOutcome.Started);
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("has space", false)]
    [InlineData("한글키", false)]
    [InlineData("0196b3f4-5c1e-7a00-9b1a-3c9d2e8f7a10", true)]
    public void ShouldAcceptOnlyVisibleAsciiKeys(string? key, bool valid) =>
        IdempotentRequests.IsValidKey(key).ShouldBe(valid);

    private IdempotentRequests Requests() => new(ContextFactory, Clock);
}
