using Microsoft.EntityFrameworkCore;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Reviews;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin.Reviews;
using TicketBlue.Web.Features.Reviews;

namespace TicketBlue.Tests.Web.Features.Reviews;

/// <summary>Writing, editing, deleting and hiding reviews on real MariaDB, with what the show page then shows.</summary>
[Trait("Category", "Integration")]
public sealed class ReviewHandlerTests(BookingDatabase booking) : IClassFixture<BookingDatabase>
{
    private const string Words = "배우들의 노래가 정말 훌륭했습니다.";

    private readonly ReviewScenario _scenario = new(booking);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldWriteEditAndDelete_AndShowEachOnTheShowPage_GivenTheOwnerAfterTheRoundStarted()
    {
        var minji = await _scenario.CustomerAsync();
        var sale = await _scenario.SeenAsync(minji);

        var before = await _scenario.Forms.HandleAsync(minji, sale.ReservationId, Ct);
        var written = await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 4, "  " + Words + "  "), Ct);
        var afterWriting = await _scenario.ShowPage.HandleAsync(sale.PerformanceId, Ct);
        _scenario.Clock.Advance(TimeSpan.FromHours(1));
        var edited = await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 2, "다시 생각해 보니 평범했습니다."), Ct);
        var form = await _scenario.Forms.HandleAsync(minji, sale.ReservationId, Ct);
        var afterEditing = await _scenario.ShowPage.HandleAsync(sale.PerformanceId, Ct);
        var deleted = await _scenario.Deletes.HandleAsync(minji, sale.ReservationId, Ct);
        var afterDeleting = await _scenario.ShowPage.HandleAsync(sale.PerformanceId, Ct);
        var formAfterDeleting = await _scenario.Forms.HandleAsync(minji, sale.ReservationId, Ct);

        before!.CannotWriteCode.ShouldBeNull();
        before.Review.ShouldBeNull();
        before.IsOpen.ShouldBeTrue();
        written.Succeeded.ShouldBeTrue();
        afterWriting!.Reviews.Count.ShouldBe(1);
        afterWriting.Reviews.AverageRating.ShouldBe(4);
        afterWriting.Reviews.Latest.ShouldHaveSingleItem().Content.ShouldBe(Words);

        edited.ShouldBe(ReviewResult.Success(written.ReviewId!.Value));
        form!.Review!.Rating.ShouldBe(2);
        form.Review.UpdatedAt.ShouldBe(ReviewScenario.Now.AddHours(1));
        afterEditing!.Reviews.AverageRating.ShouldBe(2);
        afterEditing.Reviews.Latest.ShouldHaveSingleItem().Content.ShouldBe("다시 생각해 보니 평범했습니다.");

        deleted.Succeeded.ShouldBeTrue();
        afterDeleting!.Reviews.Count.ShouldBe(0);
        formAfterDeleting!.Review.ShouldBeNull();
        formAfterDeleting.IsOpen.ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldOfferNoFormAndRefuse_GivenTheRoundHasNotStarted()
    {
        var minji = await _scenario.CustomerAsync();
        var sale = await _scenario.UpcomingAsync(minji);

        var form = await _scenario.Forms.HandleAsync(minji, sale.ReservationId, Ct);
        var result = await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 5, Words), Ct);

        form!.CannotWriteCode.ShouldBe(ReviewCodes.TooEarly);
        form.IsOpen.ShouldBeFalse();
        result.ShouldBe(ReviewResult.Failure(ReviewCodes.TooEarly));
        (await CountReviewsAsync(sale.ReservationId)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRefuseTheRulesBrokenWords_WithTheirCodes()
    {
        var minji = await _scenario.CustomerAsync();
        var sale = await _scenario.SeenAsync(minji);

        (await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 6, Words), Ct)).Code.ShouldBe(ReviewCodes.Rating);
        (await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 5, new string('가', Review.ContentMaxLength + 1)), Ct)).Code.ShouldBe(ReviewCodes.Content);
        (await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 5, new string('가', Review.ContentMaxLength)), Ct)).Succeeded.ShouldBeTrue();
        (await CountReviewsAsync(sale.ReservationId)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldAnswerAnotherCustomersReservationAsMissing_AndLeaveTheirReviewAlone()
    {
        var minji = await _scenario.CustomerAsync();
        var jun = await _scenario.CustomerAsync();
        var sale = await _scenario.SeenAsync(minji);
        (await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 5, Words), Ct)).Succeeded.ShouldBeTrue();

        (await _scenario.Forms.HandleAsync(jun, sale.ReservationId, Ct)).ShouldBeNull();
        (await _scenario.Saves.HandleAsync(jun, new SaveReviewCommand(sale.ReservationId, 1, "남의 예매에 쓰는 관람평"), Ct)).Code.ShouldBe(ReviewCodes.ReservationNotFound);
        (await _scenario.Deletes.HandleAsync(jun, sale.ReservationId, Ct)).Code.ShouldBe(ReviewCodes.NotFound);

        var form = await _scenario.Forms.HandleAsync(minji, sale.ReservationId, Ct);
        (form!.Review!.Rating, form.Review.Content).ShouldBe((5, Words));
    }

    [Fact]
    public async Task ShouldKeepOneReviewPerReservation_GivenASecondSubmitRacesAnUncommittedFirst()
    {
        var minji = await _scenario.CustomerAsync();
        var sale = await _scenario.SeenAsync(minji);

        // The first submit has inserted its review but not committed yet: the second one reads no review,
        // inserts too, and can only meet the first one's row on the unique index once it commits.
        await using var first = booking.Database.CreateContext();
        await using var transaction = await first.Database.BeginTransactionAsync(Ct);
        var reservation = await first.Reservations.AsNoTracking().SingleAsync(candidate => candidate.Id == sale.ReservationId, Ct);
        var round = await first.Rounds.AsNoTracking().SingleAsync(candidate => candidate.Id == reservation.RoundId, Ct);
        first.Reviews.Add(Review.Write(reservation, round, minji, 5, "먼저 보낸 관람평입니다.", ReviewScenario.Now));
        await first.SaveChangesAsync(Ct);

        var second = _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 3, "나중에 보낸 관람평입니다."), Ct);
        await ReviewInserts.UntilOneIsRunningAsync(booking.Database, Ct);
        await transaction.CommitAsync(Ct);

        (await second).ShouldBe(ReviewResult.Failure(ReviewCodes.AlreadyWritten));
        var form = await _scenario.Forms.HandleAsync(minji, sale.ReservationId, Ct);
        form!.Review!.Content.ShouldBe("먼저 보낸 관람평입니다.");
        (await CountReviewsAsync(sale.ReservationId)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldKeepOneReview_AndAnswerEverySubmit_GivenManySubmitsAtOnce()
    {
        var minji = await _scenario.CustomerAsync();
        var sale = await _scenario.SeenAsync(minji);
        using var start = new ManualResetEventSlim();

        var submits = Enumerable.Range(1, 8).Select(index => Task.Run(
            async () =>
            {
                start.Wait(Ct);
                return await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 1 + (index % 5), $"동시에 보낸 관람평 {index}번"), Ct);
            },
            Ct)).ToList();
        start.Set();
        var results = await Task.WhenAll(submits);

        // Each one either wrote, edited what another wrote, or was told another got there first; none failed otherwise.
        results.ShouldAllBe(result => result.Succeeded || result.Code == ReviewCodes.AlreadyWritten);
        results.Count(result => result.Succeeded).ShouldBeGreaterThanOrEqualTo(1);
        (await CountReviewsAsync(sale.ReservationId)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldHideWithAnAuditEntry_TellOnlyTheAuthor_AndShowAgain()
    {
        var minji = await _scenario.CustomerAsync();
        var sale = await _scenario.SeenAsync(minji);
        var reviewId = (await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 1, "광고: 싸게 표 팝니다 010-0000-0000"), Ct)).ReviewId!.Value;
        _scenario.Clock.Advance(TimeSpan.FromHours(2));

        var hidden = await _scenario.Hiding.HandleAsync(reviewId, hidden: true, Ct);
        var hiddenAgain = await _scenario.Hiding.HandleAsync(reviewId, hidden: true, Ct);
        var showPage = await _scenario.ShowPage.HandleAsync(sale.PerformanceId, Ct);
        var authorsView = await _scenario.Forms.HandleAsync(minji, sale.ReservationId, Ct);
        var edit = await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 5, "숨겨진 뒤에 고쳐 봅니다."), Ct);
        var adminList = await new ListReviewsHandler(_scenario.Contexts).HandleAsync(new AdminReviewFilter(PerformanceId: sale.PerformanceId, HiddenOnly: true), 0, 20, Ct);

        hidden.Succeeded.ShouldBeTrue();
        hiddenAgain.Succeeded.ShouldBeTrue();
        showPage!.Reviews.Count.ShouldBe(0);
        showPage.Reviews.Latest.ShouldBeEmpty();
        authorsView!.Review!.IsHidden.ShouldBeTrue();
        authorsView.Review.HiddenAt.ShouldBe(ReviewScenario.Now.AddHours(2));
        edit.Code.ShouldBe(ReviewCodes.Hidden);
        adminList.Items.ShouldHaveSingleItem().Id.ShouldBe(reviewId);

        var shown = await _scenario.Hiding.HandleAsync(reviewId, hidden: false, Ct);
        shown.Succeeded.ShouldBeTrue();
        (await _scenario.ShowPage.HandleAsync(sale.PerformanceId, Ct))!.Reviews.Count.ShouldBe(1);

        await using var context = booking.Database.CreateContext();
        var audit = await context.AuditLog.Where(entry => entry.EntityType == nameof(Review) && entry.EntityId == reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture)).OrderBy(entry => entry.Id).ToListAsync(Ct);
        audit.Select(entry => entry.Action).ShouldBe([SetReviewHiddenHandler.HiddenAction, SetReviewHiddenHandler.ShownAction]);
        audit.ShouldAllBe(entry => entry.ActorUserId == ReviewScenario.Admin.UserId && entry.ActorEmail == ReviewScenario.Admin.Email);
        audit[0].AfterJson!.ShouldContain("광고: 싸게 표 팝니다");
        audit[0].AfterJson!.ShouldContain("\"IsHidden\":true");
        audit[0].OccurredAt.ShouldBe(ReviewScenario.Now.AddHours(2));
    }

    [Fact]
    public async Task ShouldLetTheAuthorDeleteAHiddenReview()
    {
        var minji = await _scenario.CustomerAsync();
        var sale = await _scenario.SeenAsync(minji);
        var reviewId = (await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 1, "욕설이 섞인 관람평입니다."), Ct)).ReviewId!.Value;
        await _scenario.Hiding.HandleAsync(reviewId, hidden: true, Ct);

        (await _scenario.Deletes.HandleAsync(minji, sale.ReservationId, Ct)).Succeeded.ShouldBeTrue();

        (await CountReviewsAsync(sale.ReservationId)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldChangeNothing_GivenTheCallerIsNoLongerAnAdmin()
    {
        var minji = await _scenario.CustomerAsync();
        var sale = await _scenario.SeenAsync(minji);
        var reviewId = (await _scenario.Saves.HandleAsync(minji, new SaveReviewCommand(sale.ReservationId, 5, Words), Ct)).ReviewId!.Value;
        _scenario.CurrentAdmin.GetAsync().Returns<Task<TicketBlue.Infrastructure.Auditing.AdminActor>>(_ => throw new UnauthorizedAccessException("The signed-in user is not an admin."));

        await Should.ThrowAsync<UnauthorizedAccessException>(() => _scenario.Hiding.HandleAsync(reviewId, hidden: true, Ct));

        await using var context = booking.Database.CreateContext();
        (await context.Reviews.SingleAsync(review => review.Id == reviewId, Ct)).IsHidden.ShouldBeFalse();
        (await context.AuditLog.CountAsync(entry => entry.EntityType == nameof(Review) && entry.EntityId == reviewId.ToString(System.Globalization.CultureInfo.InvariantCulture), Ct)).ShouldBe(0);
    }

    private async Task<int> CountReviewsAsync(long reservationId)
    {
        await using var context = booking.Database.CreateContext();
        return await context.Reviews.CountAsync(review => review.ReservationId == reservationId, Ct);
    }
}
