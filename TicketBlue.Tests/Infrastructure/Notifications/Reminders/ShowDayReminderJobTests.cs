using Shouldly;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Notifications;
using TicketBlue.Infrastructure.Notifications.Reminders;
using TicketBlue.Infrastructure.Notifications.Templates;

namespace TicketBlue.Tests.Infrastructure.Notifications.Reminders;

/// <summary>
/// The show has rounds today at 23:30, tomorrow at 00:30, tomorrow at 19:30 (with most sales), tomorrow
/// at 14:00 (cancelled) and the day after; the job runs today at 10:00 in Seoul.
/// </summary>
public sealed class ShowDayReminderFixture : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2027, 3, 10);

    public static readonly DateTimeOffset RunStartedAt = SeoulTime.At(Today, new TimeOnly(10, 0));

    public ReminderApp Rig { get; } = new();

    /// <summary>Reservations the job must remind: minji at 00:30, minji, seojun and the dormant account at 19:30.</summary>
    public List<long> Reminded { get; } = [];

    /// <summary>Confirmed reservations of other days' or cancelled rounds, and unpaid or cancelled ones of tomorrow.</summary>
    public List<long> NotReminded { get; } = [];

    public long MinjiAtHalfPastMidnight { get; private set; }

    public long MinjiEvening { get; private set; }

    public long Dormant { get; private set; }

    public async ValueTask InitializeAsync()
    {
        await Rig.InitializeAsync();
        var scenario = await ReminderScenario.CreateAsync(Rig.Database, SeoulTime.At(Today.AddDays(-3), new TimeOnly(9, 0)));
        var minji = await scenario.AddCustomerAsync("김민지", "minji@example.kr");
        var seojun = await scenario.AddCustomerAsync("이서준", "seojun@example.kr");
        var jiwoo = await scenario.AddCustomerAsync("박지우", "jiwoo@example.kr");
        var dormant = await scenario.AddCustomerAsync("최휴면", email: null);

        var lateToday = await scenario.AddRoundAsync(SeoulTime.At(Today, new TimeOnly(23, 30)));
        var pastMidnight = await scenario.AddRoundAsync(SeoulTime.At(Today.AddDays(1), new TimeOnly(0, 30)));
        var evening = await scenario.AddRoundAsync(SeoulTime.At(Today.AddDays(1), new TimeOnly(19, 30)));
        var cancelled = await scenario.AddRoundAsync(SeoulTime.At(Today.AddDays(1), new TimeOnly(14, 0)));
        var dayAfter = await scenario.AddRoundAsync(SeoulTime.At(Today.AddDays(2), new TimeOnly(19, 30)));

        MinjiAtHalfPastMidnight = await scenario.SellAsync(pastMidnight, minji);
        MinjiEvening = await scenario.SellAsync(evening, minji, seatCount: 2);
        Dormant = await scenario.SellAsync(evening, dormant);
        Reminded.AddRange([MinjiAtHalfPastMidnight, MinjiEvening, await scenario.SellAsync(evening, seojun), Dormant]);

        NotReminded.Add(await scenario.SellAsync(lateToday, seojun));
        NotReminded.Add(await scenario.SellAsync(evening, jiwoo, outcome: SaleOutcome.PendingPayment));
        NotReminded.Add(await scenario.SellAsync(evening, jiwoo, outcome: SaleOutcome.Cancelled));
        NotReminded.Add(await scenario.SellAsync(cancelled, jiwoo));
        NotReminded.Add(await scenario.SellAsync(dayAfter, seojun));
        await scenario.CancelRoundAsync(cancelled);
    }

    public ValueTask DisposeAsync() => Rig.DisposeAsync();
}

[Trait("Category", "Integration")]
public sealed class ShowDayReminderJobTests(ShowDayReminderFixture fixture) : IClassFixture<ShowDayReminderFixture>, IAsyncLifetime
{
    private ReminderApp Rig => fixture.Rig;

    public async ValueTask InitializeAsync() => await ReminderJobRunner.ForgetAsync(Rig.Database, ShowDayReminderTemplate.Name);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    [Fact]
    public async Task ShouldQueueAnEmailAndANoticePerConfirmedReservation_GivenRoundsStartingTomorrowInSeoul()
    {
        var run = await ReminderJobRunner.RunAsync<ShowDayReminderJob>(Rig.Services, ShowDayReminderFixture.RunStartedAt);

        run.Rows.ShouldBe(fixture.Reminded.Count);
        var queued = await ReminderJobRunner.QueuedAsync(Rig.Database, ShowDayReminderTemplate.Name);
        var expected = fixture.Reminded
            .SelectMany(id => id == fixture.Dormant ? [$"show-day-reminder:{id}:inapp"] : new[] { $"show-day-reminder:{id}:email", $"show-day-reminder:{id}:inapp" })
            .Order(StringComparer.Ordinal);
        queued.Select(row => row.DeduplicationKey).Order(StringComparer.Ordinal).ShouldBe(expected);
        foreach (var id in fixture.NotReminded)
        {
            queued.ShouldNotContain(row => row.DeduplicationKey.Contains($":{id}:", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task ShouldTellTitleTimeVenueSeatsAndTheTicketsLink_GivenAReminder()
    {
        await ReminderJobRunner.RunAsync<ShowDayReminderJob>(Rig.Services, ShowDayReminderFixture.RunStartedAt);

        var queued = await ReminderJobRunner.QueuedAsync(Rig.Database, ShowDayReminderTemplate.Name);
        var email = queued.Single(row => row.DeduplicationKey == $"show-day-reminder:{fixture.MinjiEvening}:email");
        email.Channel.ShouldBe(NotificationChannel.Email);
        email.Recipient.ShouldBe("minji@example.kr");
        var notice = queued.Single(row => row.DeduplicationKey == $"show-day-reminder:{fixture.MinjiEvening}:inapp");
        notice.Channel.ShouldBe(NotificationChannel.InApp);
        notice.Recipient.ShouldBe(email.UserId);
        notice.PayloadJson.ShouldBe(email.PayloadJson);

        var payload = NotificationTemplates.Read<ShowDayReminderPayload>(email.PayloadJson);
        payload.ReservationId.ShouldBe(fixture.MinjiEvening);
        payload.CustomerName.ShouldBe("김민지");
        payload.PerformanceTitle.ShouldBe("테스트 뮤지컬");
        payload.VenueName.ShouldBe("테스트 아트홀");
        payload.StartsAt.ShouldBe(SeoulTime.At(ShowDayReminderFixture.Today.AddDays(1), new TimeOnly(19, 30)));
        payload.Seats.Count.ShouldBe(2);
        payload.TicketsLink.ShouldBe($"{ReminderApp.SiteUrl}reservations/{fixture.MinjiEvening}");

        var mail = ShowDayReminderTemplate.Render(payload);
        mail.Subject.ShouldStartWith("[TicketBlue] 내일 관람 안내 - 테스트 뮤지컬");
        mail.TextBody.ShouldContain("2027년 3월 11일 (목) 19:30");
        mail.TextBody.ShouldContain("테스트 아트홀");
        mail.TextBody.ShouldContain(payload.Seats[0]);
        mail.HtmlBody.ShouldContain($"href=\"{payload.TicketsLink}\"");
    }

    [Fact]
    public async Task ShouldQueueNothingAndSendNothing_GivenASecondRunOfTheSameDay()
    {
        await ReminderJobRunner.RunAsync<ShowDayReminderJob>(Rig.Services, ShowDayReminderFixture.RunStartedAt);
        var mailsBefore = Rig.Mails().Length;
        (await Rig.DispatchAllAsync()).ShouldBe((fixture.Reminded.Count * 2) - 1);
        var mails = Rig.Mails().Length;
        mails.ShouldBe(mailsBefore + fixture.Reminded.Count - 1);
        (await ReminderJobRunner.UnsentAsync(Rig.Database, ShowDayReminderTemplate.Name)).ShouldBeEmpty("every e-mail and in-app row was delivered");
        var before = await ReminderJobRunner.QueuedAsync(Rig.Database, ShowDayReminderTemplate.Name);

        var second = await ReminderJobRunner.RunAsync<ShowDayReminderJob>(Rig.Services, ShowDayReminderFixture.RunStartedAt.AddHours(3));

        second.Done.ShouldBeTrue();
        (await ReminderJobRunner.QueuedAsync(Rig.Database, ShowDayReminderTemplate.Name)).ShouldBe(before);
        (await Rig.DispatchAllAsync()).ShouldBe(0);
        Rig.Mails().Length.ShouldBe(mails);
    }

    [Fact]
    public async Task ShouldEndAsAnUninterruptedRun_GivenARunKilledAfterSomeChunksAndStartedAgain()
    {
        await ReminderJobRunner.RunAsync<ShowDayReminderJob>(Rig.Services, ShowDayReminderFixture.RunStartedAt);
        var uninterrupted = await ReminderJobRunner.QueuedAsync(Rig.Database, ShowDayReminderTemplate.Name);
        await ReminderJobRunner.ForgetAsync(Rig.Database, ShowDayReminderTemplate.Name);

        // Killed after one stored chunk, and again after a second chunk committed but before its checkpoint was stored.
        var first = await ReminderJobRunner.RunAsync<ShowDayReminderJob>(Rig.Services, ShowDayReminderFixture.RunStartedAt, maxChunks: 1);
        var lost = await ReminderJobRunner.RunAsync<ShowDayReminderJob>(Rig.Services, ShowDayReminderFixture.RunStartedAt, first.Checkpoint, maxChunks: 1);
        first.Done.ShouldBeFalse();
        lost.Rows.ShouldBeGreaterThan(0);
        var resumed = await ReminderJobRunner.RunAsync<ShowDayReminderJob>(Rig.Services, ShowDayReminderFixture.RunStartedAt, first.Checkpoint);

        resumed.Done.ShouldBeTrue();
        (await ReminderJobRunner.QueuedAsync(Rig.Database, ShowDayReminderTemplate.Name)).ShouldBe(uninterrupted);
    }
}
