using Shouldly;
using TicketBlue.Domain.WaitingRoom;

namespace TicketBlue.Tests.Domain.WaitingRoom;

[Trait("Category", "Unit")]
public sealed class ShuffleSeedTests
{
    private static readonly byte[] Secret = Enumerable.Repeat((byte)7, 32).ToArray();

    [Fact]
    public void ShouldDeriveARoundsSeed_AsTheDocumentedHmac()
    {
        // hmac.new(bytes([7] * 32), b"ticketblue-queue-round:42", "sha256").hexdigest()
        ShuffleSeed.Derive(Secret, 42).Hex.ShouldBe("1b290c591815735723bf8334ba53983e78f1a311c602c05ff86a4a8789424228");
    }

    [Fact]
    public void ShouldGiveEachRoundItsOwnSeed_AndRoundTripThroughHex()
    {
        var seed = ShuffleSeed.Derive(Secret, 1);

        ShuffleSeed.Derive(Secret, 2).Hex.ShouldNotBe(seed.Hex);
        ShuffleSeed.FromHex(seed.Hex).Hash.ShouldBe(seed.Hash);
        seed.Hash.ShouldNotBe(seed.Hex);
    }

    [Fact]
    public void ShouldPublishTheSeed_OnlyFromTheOpening()
    {
        var opening = new DateTimeOffset(2026, 12, 24, 11, 0, 0, TimeSpan.Zero);

        QueueSchedule.MayPublishSeed(opening, opening.AddTicks(-1)).ShouldBeFalse();
        QueueSchedule.MayPublishSeed(opening, opening).ShouldBeTrue();
        QueueSchedule.PhaseAt(opening, opening.AddMinutes(-30)).ShouldBe(QueuePhase.PreQueue);
    }
}
