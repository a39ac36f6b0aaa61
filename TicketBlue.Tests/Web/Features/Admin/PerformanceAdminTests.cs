using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Rounds;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin.Coupons;
using TicketBlue.Web.Features.Admin.Performances;
using TicketBlue.Web.Features.Admin.Rounds;

namespace TicketBlue.Tests.Web.Features.Admin;

/// <summary>Putting a show on sale from the back office: performance, prices, cast, rounds with inventory, coupons.</summary>
[Trait("Category", "Integration")]
public sealed class PerformanceAdminTests : AdminHandlerTestBase
{
    private TestCatalog _catalog = default!;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await using var context = Database.CreateContext();
        _catalog = await TestCatalog.CreateAsync(context, Now);
    }

    private SavePerformanceHandler SavePerformance => new(Factory, new SavePerformanceCommandValidator(Localizer), CurrentAdmin, Clock);

    private ScheduleRoundHandler ScheduleRound => new(Factory, new ScheduleRoundCommandValidator(Localizer), CurrentAdmin, Clock);

    [Fact]
    public async Task ShouldCreateADraftWithPricesAndCast_GivenAValidForm()
    {
        var result = await SavePerformance.HandleAsync(NewPerformance(), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error);
        await using var context = Database.CreateContext();
        var performance = await context.Performances.Include(p => p.Prices).Include(p => p.Cast).SingleAsync(p => p.Id == result.Id, TestContext.Current.CancellationToken);
        performance.Status.ShouldBe(PerformanceStatus.Draft);
        performance.Prices.Select(price => (price.Grade.Code, price.Price.Won)).ShouldBe([("R", 99_000L), ("S", 66_000L)], ignoreOrder: true);
        performance.Cast.Single().Role.ShouldBe("해설");
        (await context.AuditLog.SingleAsync(entry => entry.Action == "performance.created", TestContext.Current.CancellationToken)).EntityId.ShouldBe(result.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task ShouldRefuseAndNameTheGrade_GivenAGradeWithoutAPrice()
    {
        var command = NewPerformance();
        command.Prices.RemoveAll(price => price.Grade == "S");

        var result = await SavePerformance.HandleAsync(command, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("가격이 없는 좌석 등급이 있습니다: S");
    }

    [Fact]
    public async Task ShouldRefuseToPublish_GivenNoPoster()
    {
        var created = await SavePerformance.HandleAsync(NewPerformance(), CancellationToken.None);

        var result = await new SetPerformanceStatusHandler(Factory, CurrentAdmin, Clock).HandleAsync(created.Id!.Value, PerformanceStatusChange.Publish, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("포스터를 먼저 올려 주세요.");
    }

    [Fact]
    public async Task ShouldCreateTheRoundsSeatInventoryAndAuditIt_GivenANewRound()
    {
        var result = await ScheduleRound.HandleAsync(RoundOn(_catalog.Round.StartsAt.AddDays(2).UtcDateTime), CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error);
        await using var context = Database.CreateContext();
        (await context.RoundSeats.CountAsync(seat => seat.RoundId == result.Id, TestContext.Current.CancellationToken)).ShouldBe(20);
        var rounds = await new ListRoundsHandler(Factory, Clock).HandleAsync(_catalog.Performance.Id, CancellationToken.None);
        rounds.Single(round => round.Id == result.Id).Available.ShouldBe(20);
        (await context.AuditLog.SingleAsync(entry => entry.Action == "round.scheduled", TestContext.Current.CancellationToken)).AfterJson!.ShouldContain("\"Seats\":20");
    }

    [Fact]
    public async Task ShouldRefuseAndNameTheOtherShow_GivenARoundThatOverlapsAnotherInTheSameVenue()
    {
        var sameTime = RoundOn(_catalog.Round.StartsAt.AddMinutes(60).UtcDateTime);

        var result = await ScheduleRound.HandleAsync(sameTime, CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldStartWith("같은 공연장에 겹치는 회차가 있습니다: 테스트 뮤지컬");
        await using var context = Database.CreateContext();
        (await context.Rounds.CountAsync(TestContext.Current.CancellationToken)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRefuse_GivenARoundOutsideTheRun()
    {
        var result = await ScheduleRound.HandleAsync(RoundOn(Now.UtcDateTime.AddDays(90)), CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.Error!.ShouldStartWith("회차 날짜는 공연 기간");
    }

    [Fact]
    public async Task ShouldRefuseToCancelARoundWithSales_AndCancelOneWithout()
    {
        await using (var context = Database.CreateContext())
        {
            await context.Database.ExecuteSqlInterpolatedAsync($"UPDATE RoundSeats SET State = 'Sold' WHERE RoundId = {_catalog.Round.Id} LIMIT 1", TestContext.Current.CancellationToken);
        }

        var cancel = new CancelRoundHandler(Factory, CurrentAdmin, Clock);
        var refused = await cancel.HandleAsync(_catalog.Round.Id, "출연자 부상", CancellationToken.None);
        var empty = await ScheduleRound.HandleAsync(RoundOn(_catalog.Round.StartsAt.AddDays(3).UtcDateTime), CancellationToken.None);
        var cancelled = await cancel.HandleAsync(empty.Id!.Value, "출연자 부상", CancellationToken.None);

        refused.Succeeded.ShouldBeFalse();
        refused.Error!.ShouldContain("판매된 좌석이 1석");
        cancelled.Succeeded.ShouldBeTrue(cancelled.Error);
        await using var read = Database.CreateContext();
        (await read.Rounds.SingleAsync(round => round.Id == _catalog.Round.Id, TestContext.Current.CancellationToken)).Status.ShouldBe(RoundStatus.Scheduled);
        (await read.Rounds.SingleAsync(round => round.Id == empty.Id, TestContext.Current.CancellationToken)).Status.ShouldBe(RoundStatus.Cancelled);
    }

    [Fact]
    public async Task ShouldMoveARoundAndChangeItsLimits_GivenNothingIsSold()
    {
        var update = new UpdateRoundHandler(Factory, new ScheduleRoundCommandValidator(Localizer), CurrentAdmin, Clock);
        var form = (await update.GetAsync(_catalog.Round.Id, CancellationToken.None))!;
        form.StartTime = new TimeSpan(14, 0, 0);
        form.TicketLimit = 2;

        var result = await update.HandleAsync(_catalog.Round.Id, form, CancellationToken.None);

        result.Succeeded.ShouldBeTrue(result.Error);
        await using var context = Database.CreateContext();
        var round = await context.Rounds.SingleAsync(r => r.Id == _catalog.Round.Id, TestContext.Current.CancellationToken);
        TicketBlue.Domain.Common.SeoulTime.ToSeoul(round.StartsAt).TimeOfDay.ShouldBe(new TimeSpan(14, 0, 0));
        round.EndsAt.ShouldBe(round.StartsAt.AddMinutes(170));
        round.TicketLimitPerCustomer.ShouldBe(2);
        (await context.AuditLog.SingleAsync(entry => entry.Action == "round.updated", TestContext.Current.CancellationToken)).BeforeJson.ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldRefuseToMoveARoundWithSales_ButStillChangeItsLimit()
    {
        await using (var context = Database.CreateContext())
        {
            await context.Database.ExecuteSqlInterpolatedAsync($"UPDATE RoundSeats SET State = 'Sold' WHERE RoundId = {_catalog.Round.Id} LIMIT 2", TestContext.Current.CancellationToken);
        }

        var update = new UpdateRoundHandler(Factory, new ScheduleRoundCommandValidator(Localizer), CurrentAdmin, Clock);
        var moved = (await update.GetAsync(_catalog.Round.Id, CancellationToken.None))!;
        moved.StartTime = new TimeSpan(11, 0, 0);
        var limited = (await update.GetAsync(_catalog.Round.Id, CancellationToken.None))!;
        limited.TicketLimit = 6;

        var refused = await update.HandleAsync(_catalog.Round.Id, moved, CancellationToken.None);
        var accepted = await update.HandleAsync(_catalog.Round.Id, limited, CancellationToken.None);

        refused.Error.ShouldBe("선점되었거나 판매된 좌석이 2석 있어 공연 시각을 바꿀 수 없습니다.");
        accepted.Succeeded.ShouldBeTrue(accepted.Error);
        await using var read = Database.CreateContext();
        var round = await read.Rounds.SingleAsync(r => r.Id == _catalog.Round.Id, TestContext.Current.CancellationToken);
        round.StartsAt.ShouldBe(_catalog.Round.StartsAt);
        round.TicketLimitPerCustomer.ShouldBe(6);
    }

    [Fact]
    public async Task ShouldCreateACouponRestrictedToAPerformance_AndRefuseADuplicateCode()
    {
        var save = new SaveCouponHandler(Factory, new SaveCouponCommandValidator(Localizer), CurrentAdmin, Clock);
        var command = new SaveCouponCommand
        {
            Code = "musical15",
            Name = "뮤지컬 15% 할인",
            DiscountType = DiscountType.Percentage,
            DiscountValue = 15,
            MaxDiscount = 20_000,
            MinimumOrder = 50_000,
            TotalQuantity = 100,
            PerCustomerLimit = 1,
            ValidFrom = new DateTime(2026, 11, 25),
            ValidUntil = new DateTime(2026, 12, 31),
            Performances = [new CouponPerformanceChoice(_catalog.Performance.Id, _catalog.Performance.Title)],
        };

        var created = await save.HandleAsync(command, CancellationToken.None);
        var duplicate = await save.HandleAsync(new SaveCouponCommand { Code = "MUSICAL15", Name = "복제", ValidFrom = command.ValidFrom, ValidUntil = command.ValidUntil }, CancellationToken.None);

        created.Succeeded.ShouldBeTrue(created.Error);
        duplicate.Error.ShouldBe("이미 있는 쿠폰 코드입니다: MUSICAL15");
        var row = (await new ListCouponsHandler(Factory).HandleAsync(new(0, 20), CancellationToken.None)).Items.Single();
        row.Code.ShouldBe("MUSICAL15");
        row.RestrictedPerformances.ShouldBe(1);
        row.ValidUntil.ShouldBe(new DateTimeOffset(2026, 12, 31, 15, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public async Task ShouldRefuseAPercentageOverAHundred_WithTheValidatorsMessage()
    {
        var result = await new SaveCouponHandler(Factory, new SaveCouponCommandValidator(Localizer), CurrentAdmin, Clock).HandleAsync(
            new SaveCouponCommand { Code = "TOOMUCH", Name = "과한 할인", DiscountType = DiscountType.Percentage, DiscountValue = 150, ValidFrom = new DateTime(2026, 11, 25), ValidUntil = new DateTime(2026, 11, 30) },
            CancellationToken.None);

        result.Succeeded.ShouldBeFalse();
        result.FieldErrors[nameof(SaveCouponCommand.DiscountValue)].ShouldContain("할인율은 1%에서 100% 사이여야 합니다.");
    }

    private SavePerformanceCommand NewPerformance() => new()
    {
        Title = "겨울 클래식 갈라",
        Category = Category.Classic,
        Summary = "한겨울 밤의 클래식",
        RunningMinutes = 100,
        IntermissionMinutes = 15,
        AgeRating = AgeRating.Age7,
        VenueId = _catalog.Venue.Id,
        SeatLayoutId = _catalog.Layout.Id,
        FirstDay = new DateTime(2026, 12, 1),
        LastDay = new DateTime(2026, 12, 24),
        Prices = [new GradePriceInput { Grade = "R", Price = 99_000 }, new GradePriceInput { Grade = "S", Price = 66_000 }],
        Cast = [new CastInput { PerformerId = _catalog.Performer.Id, PerformerName = _catalog.Performer.Name, Role = "해설" }],
    };

    private ScheduleRoundCommand RoundOn(DateTime utcStart)
    {
        var seoul = TimeZoneInfo.ConvertTimeFromUtc(utcStart, TicketBlue.Domain.Common.SeoulTime.Zone);
        return new ScheduleRoundCommand
        {
            PerformanceId = _catalog.Performance.Id,
            Date = seoul.Date,
            StartTime = seoul.TimeOfDay,
            SalesOpenDate = new DateTime(2026, 11, 25),
            SalesOpenTime = new TimeSpan(12, 0, 0),
            SalesCloseHoursBefore = 2,
            TicketLimit = 4,
            HoldMinutes = 10,
        };
    }
}
