using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using TicketBlue.Domain.Reviews;
using TicketBlue.Domain.Rounds;
using static TicketBlue.Tests.Domain.Builders;

namespace TicketBlue.Tests.Domain.Reviews;

[Trait("Category", "Unit")]
public sealed class ReviewTests
{
    private const string Content = "배우들의 노래가 정말 훌륭했습니다.";

    /// <summary>The evening after the show.</summary>
    private static readonly DateTimeOffset AfterTheShow = RoundStart.AddHours(4);

    private static Review Write(Reservation? reservation = null, Round? round = null, string userId = Customer, int rating = 5, string content = Content, DateTimeOffset? now = null) =>
        Review.Write(reservation ?? ConfirmedReservation(), round ?? RoundOnSale(), userId, rating, content, now ?? AfterTheShow);

    [Fact]
    public void ShouldKeepTheReview_GivenTheOwnerOfAConfirmedReservationAfterTheShow()
    {
        var review = Write(content: "  " + Content + "  ", rating: 4);

        review.PerformanceId.ShouldBe(PerformanceId);
        review.ReservationId.ShouldBe(ReservationId);
        review.UserId.ShouldBe(Customer);
        review.Rating.ShouldBe(4);
        review.Content.ShouldBe(Content);
        review.CreatedAt.ShouldBe(AfterTheShow);
        review.UpdatedAt.ShouldBeNull();
        review.IsHidden.ShouldBeFalse();
    }

    [Fact]
    public void ShouldRefuse_GivenAnotherCustomersReservation()
    {
        Should.Throw<DomainException>(() => Write(userId: OtherCustomer)).Code.ShouldBe("review.not_owner");
    }

    [Fact]
    public void ShouldRefuse_GivenAnUnpaidReservation()
    {
        Should.Throw<DomainException>(() => Write(PendingReservation())).Code.ShouldBe("review.not_attended");
    }

    [Fact]
    public void ShouldRefuse_GivenACancelledReservation()
    {
        var reservation = ConfirmedReservation();
        reservation.CancelSeats(new Dictionary<long, Money> { [1] = Money.Zero, [2] = Money.Zero }, "공연 취소", DomainTestClock.Now.AddDays(1));

        Should.Throw<DomainException>(() => Write(reservation)).Code.ShouldBe("review.not_attended");
    }

    [Fact]
    public void ShouldRefuse_GivenAnotherRound()
    {
        var otherRound = RoundOnSale().WithId(RoundId + 1);

        Should.Throw<DomainException>(() => Write(round: otherRound)).Code.ShouldBe("review.not_attended");
    }

    [Fact]
    public void ShouldRefuse_GivenTheRoundHasNotStarted()
    {
        Should.Throw<DomainException>(() => Write(now: RoundStart.AddTicks(-1))).Code.ShouldBe("review.too_early");
    }

    [Fact]
    public void ShouldAllow_GivenTheRoundHasJustStarted()
    {
        Write(now: RoundStart).CreatedAt.ShouldBe(RoundStart);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(6)]
    [InlineData(-1)]
    public void ShouldRefuse_GivenARatingOutsideOneToFive(int rating)
    {
        Should.Throw<DomainException>(() => Write(rating: rating)).Code.ShouldBe("review.rating");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(5)]
    public void ShouldAccept_GivenARatingAtTheBounds(int rating)
    {
        Write(rating: rating).Rating.ShouldBe(rating);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("좋아요")]
    [InlineData("  최고예요  ")]
    public void ShouldRefuse_GivenContentShorterThanFiveCharacters(string content)
    {
        Should.Throw<DomainException>(() => Write(content: content)).Code.ShouldBe("review.content");
    }

    [Fact]
    public void ShouldAcceptContent_GivenFiveToOneThousandCharacters()
    {
        Write(content: "정말 좋아요").Content.ShouldBe("정말 좋아요");
        Write(content: new string('가', Review.ContentMaxLength)).Content.Length.ShouldBe(Review.ContentMaxLength);
    }

    [Fact]
    public void ShouldRefuse_GivenContentLongerThanOneThousandCharacters()
    {
        Should.Throw<DomainException>(() => Write(content: new string('가', Review.ContentMaxLength + 1))).Code.ShouldBe("review.content");
    }

    [Fact]
    public void ShouldReplaceRatingAndContent_WhenEditedByTheOwner()
    {
        var review = Write();
        var editedAt = AfterTheShow.AddDays(1);

        review.Edit(Customer, 3, "다시 생각해 보니 평범했습니다.", editedAt);

        review.Rating.ShouldBe(3);
        review.Content.ShouldBe("다시 생각해 보니 평범했습니다.");
        review.UpdatedAt.ShouldBe(editedAt);
        review.CreatedAt.ShouldBe(AfterTheShow);
    }

    [Fact]
    public void ShouldRefuseAnEdit_GivenAnotherUser()
    {
        var review = Write();

        Should.Throw<DomainException>(() => review.Edit(OtherCustomer, 1, "남이 고친 관람평입니다.", AfterTheShow)).Code.ShouldBe("review.not_owner");
        review.Rating.ShouldBe(5);
        review.Content.ShouldBe(Content);
        review.UpdatedAt.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuseAnEdit_GivenAnInvalidRatingOrContent()
    {
        var review = Write();

        Should.Throw<DomainException>(() => review.Edit(Customer, 0, Content, AfterTheShow)).Code.ShouldBe("review.rating");
        Should.Throw<DomainException>(() => review.Edit(Customer, 4, "짧음", AfterTheShow)).Code.ShouldBe("review.content");
        review.UpdatedAt.ShouldBeNull();
    }

    [Fact]
    public void ShouldAllowOneThousandCharacters_AsTheIssueAsks()
    {
        Review.ContentMaxLength.ShouldBe(1000);
        (Review.MinRating, Review.MaxRating).ShouldBe((1, 5));
    }

    [Fact]
    public void ShouldHideOnce_AndShowAgain_GivenAnAdmin()
    {
        var review = Write();
        var hiddenAt = AfterTheShow.AddDays(2);

        review.Hide(hiddenAt).ShouldBeTrue();
        review.Hide(hiddenAt.AddHours(1)).ShouldBeFalse();
        (review.IsHidden, review.HiddenAt).ShouldBe((true, hiddenAt));

        review.Unhide().ShouldBeTrue();
        review.Unhide().ShouldBeFalse();
        (review.IsHidden, review.HiddenAt).ShouldBe((false, (DateTimeOffset?)null));
    }

    [Fact]
    public void ShouldRefuseAnEdit_GivenTheReviewWasHidden()
    {
        var review = Write();
        review.Hide(AfterTheShow.AddDays(1));

        Should.Throw<DomainException>(() => review.Edit(Customer, 1, "숨겨진 뒤에 고친 관람평", AfterTheShow.AddDays(2))).Code.ShouldBe(ReviewCodes.Hidden);
        review.Content.ShouldBe(Content);
    }

    [Fact]
    public void ShouldLetOnlyTheAuthorDelete_HiddenOrNot()
    {
        var review = Write();
        review.Hide(AfterTheShow.AddDays(1));

        Should.NotThrow(() => review.EnsureDeletableBy(Customer));
        Should.Throw<DomainException>(() => review.EnsureDeletableBy(OtherCustomer)).Code.ShouldBe(ReviewCodes.NotOwner);
    }

    [Fact]
    public void ShouldSayWhyNot_WithTheCodeWriteWouldThrow()
    {
        Review.WhyCannotWrite(ConfirmedReservation(), RoundOnSale(), Customer, AfterTheShow).ShouldBeNull();
        Review.WhyCannotWrite(ConfirmedReservation(), RoundOnSale(), Customer, RoundStart.AddMinutes(-1)).ShouldBe(ReviewCodes.TooEarly);
        Review.WhyCannotWrite(ConfirmedReservation(), RoundOnSale(), OtherCustomer, AfterTheShow).ShouldBe(ReviewCodes.NotOwner);
        Review.WhyCannotWrite(PendingReservation(), RoundOnSale(), Customer, AfterTheShow).ShouldBe(ReviewCodes.NotAttended);
    }

    [Fact]
    public void ShouldHaveAKoreanSentence_ForEveryCode()
    {
        foreach (var code in ReviewCodes.All)
        {
            ReviewCodes.KoreanMessage(code).ShouldNotBe(ReviewCodes.KoreanMessage("review.unknown"), code);
        }
    }
}
