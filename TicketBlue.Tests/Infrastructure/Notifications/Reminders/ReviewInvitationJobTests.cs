using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Infrastructure.Notifications.Reminders;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Tests.Infrastructure.Notifications.Reminders;

/// <summary>
/// Rounds of a 170-minute show (150 + 20 intermission); the job runs today at 21:00 in Seoul, so rounds
/// that ended from yesterday 21:00 up to now are invited.
/// </summary>
public sealed class ReviewInvitationFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2027, 3, 10);

    public static readonly DateTimeOffset RunStartedAt = SeoulTime.At(Today, new TimeOnly(21, 0));

    public ReminderApp Rig { get; } = new();

    public List<long> Invited { get; } = [];

    public List<long> NotInvited { get; } = [];

    public long Matinee { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Rig.InitializeAsync();
        var scenario = await ReminderScenario.CreateAsync(Rig.Database, SeoulTime.At(Today.AddDays(-3), new TimeOnly(9, 0)));
        var minji = await scenario.AddCustomerAsync("김민지", "minji@example.kr");
        var seojun = await scenario.AddCustomerAsync("이서준", "seojun@example.kr");
        var jiwoo = await scenario.AddCustomerAsync("박지우", "jiwoo@example.kr");

        var matinee = await scenario.AddRoundAsync(SeoulTime.At(Today, new TimeOnly(14, 0)));                  // ends 16:50 today
        var evening = await scenario.AddRoundAsync(SeoulTime.At(Today, new TimeOnly(19, 30)));                  // ends 22:20: not yet
        var yesterdayEarly = await scenario.AddRoundAsync(SeoulTime.At(Today.AddDays(-1), new TimeOnly(18, 0))); // ended 20:50 yesterday
        var yesterdayLate = await scenario.AddRoundAsync(SeoulTime.At(Today.AddDays(-1), new TimeOnly(19, 0)));  // ended 21:50 yesterday, after that run
        var cancelled = await scenario.AddRoundAsync(SeoulTime.At(Today, new TimeOnly(11, 0)));

        Matinee = await scenario.SellAsync(matinee, minji, seatCount: 2);
        Invited.AddRange([Matinee, await scenario.SellAsync(matinee, seojun), await scenario.SellAsync(yesterdayLate, jiwoo)]);

        var reviewed = await scenario.SellAsync(matinee, jiwoo);
        await scenario.WriteReviewAsync(reviewed, SeoulTime.At(Today, new TimeOnly(17, 0)));
        NotInvited.AddRange(
        [
            reviewed,
            await scenario.SellAsync(matinee, jiwoo, outcome: SaleOutcome.PendingPayment),
            await scenario.SellAsync(matinee, seojun, outcome: SaleOutcome.Cancelled),
            await scenario.SellAsync(evening, minji),
            await scenario.SellAsync(yesterdayEarly, minji),
            await scenario.SellAsync(cancelled, seojun),
        ]);
        await scenario.CancelRoundAsync(cancelled);
    }

    public ValueTask DisposeAsync() => Rig.DisposeAsync();
}

[Trait("Category", "Integration")]
public sealed class ReviewInvitationJobTests(ReviewInvitationFixture fixture) : IClassFixture<ReviewInvitationFixture>, IAsyncLifetime
{
    private ReminderApp Rig => fixture.Rig;

    public async ValueTask InitializeAsync() => await ReminderJobRunner.ForgetAsync(Rig.Database, ReviewInvitationTemplate.Name);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ShouldInviteEachConfirmedReservationWithoutAReview_GivenRoundsThatEndedSinceTheLastRun()
    {
        var run = await ReminderJobRunner.RunAsync<ReviewInvitationJob>(Rig.Services, ReviewInvitationFixture.RunStartedAt);

        run.Rows.ShouldBe(fixture.Invited.Count);
        var queued = await ReminderJobRunner.QueuedAsync(Rig.Database, ReviewInvitationTemplate.Name);
        queued.Select(row => row.DeduplicationKey).Order(StringComparer.Ordinal).ShouldBe(
            fixture.Invited.SelectMany(id => new[] { $"review-invitation:{id}:email", $"review-invitation:{id}:inapp" }).Order(StringComparer.Ordinal));
        foreach (var id in fixture.NotInvited)
        {
            queued.ShouldNotContain(row => row.DeduplicationKey.Contains($":{id}:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ShouldLinkToTheReservationsReviewForm_GivenAnInvitation()
    {
        await ReminderJobRunner.RunAsync<ReviewInvitationJob>(Rig.Services, ReviewInvitationFixture.RunStartedAt);

        var queued = await ReminderJobRunner.QueuedAsync(Rig.Database, ReviewInvitationTemplate.Name);
        var email = queued.Single(row => row.DeduplicationKey == $"review-invitation:{fixture.Matinee}:email");
        email.Recipient.ShouldBe("minji@example.kr");
        var payload = NotificationTemplates.Read<ReviewInvitationPayload>(email.PayloadJson);
        payload.ReviewLink.ShouldBe($"{ReminderApp.SiteUrl}reservations/{fixture.Matinee}/review");
        var mail = ReviewInvitationTemplate.Render(payload);
        mail.Subject.ShouldBe("[TicketBlue] 관람평을 남겨 주세요 - 테스트 뮤지컬");
        mail.HtmlBody.ShouldContain($"href=\"{payload.ReviewLink}\"");
        mail.TextBody.ShouldContain("2027년 3월 10일 (수) 14:00");
    }

    [Fact]
    public async Task ShouldQueueNothingAndSendNothing_GivenASecondRun()
    {
        await ReminderJobRunner.RunAsync<ReviewInvitationJob>(Rig.Services, ReviewInvitationFixture.RunStartedAt);
        var mailsBefore = Rig.Mails().Length;
        (await Rig.DispatchAllAsync()).ShouldBe(fixture.Invited.Count * 2);
        var mails = Rig.Mails();
        mails.Length.ShouldBe(mailsBefore + fixture.Invited.Count);
        (await ReminderJobRunner.UnsentAsync(Rig.Database, ReviewInvitationTemplate.Name)).ShouldBeEmpty("every e-mail and in-app row was delivered");
        var before = await ReminderJobRunner.QueuedAsync(Rig.Database, ReviewInvitationTemplate.Name);

        var second = await ReminderJobRunner.RunAsync<ReviewInvitationJob>(Rig.Services, ReviewInvitationFixture.RunStartedAt.AddMinutes(30));

        second.Done.ShouldBeTrue();
        (await ReminderJobRunner.QueuedAsync(Rig.Database, ReviewInvitationTemplate.Name)).ShouldBe(before);
        (await Rig.DispatchAllAsync()).ShouldBe(0);
        Rig.Mails().Length.ShouldBe(mails.Length);
    }

    [Fact]
    public async Task ShouldEndAsAnUninterruptedRun_GivenARunKilledAfterSomeChunksAndStartedAgain()
    {
        await ReminderJobRunner.RunAsync<ReviewInvitationJob>(Rig.Services, ReviewInvitationFixture.RunStartedAt);
        var uninterrupted = await ReminderJobRunner.QueuedAsync(Rig.Database, ReviewInvitationTemplate.Name);
        await ReminderJobRunner.ForgetAsync(Rig.Database, ReviewInvitationTemplate.Name);

        var first = await ReminderJobRunner.RunAsync<ReviewInvitationJob>(Rig.Services, ReviewInvitationFixture.RunStartedAt, maxChunks: 1);
        var lost = await ReminderJobRunner.RunAsync<ReviewInvitationJob>(Rig.Services, ReviewInvitationFixture.RunStartedAt, first.Checkpoint, maxChunks: 1);
        first.Done.ShouldBeFalse();
        lost.Done.ShouldBeFalse();
        var resumed = await ReminderJobRunner.RunAsync<ReviewInvitationJob>(Rig.Services, ReviewInvitationFixture.RunStartedAt, first.Checkpoint);

        resumed.Done.ShouldBeTrue();
        (await ReminderJobRunner.QueuedAsync(Rig.Database, ReviewInvitationTemplate.Name)).ShouldBe(uninterrupted);
    }
}
