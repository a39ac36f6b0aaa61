using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

[Trait("Category", "Integration")]
public sealed class LayoutAdminTests : VenueAdminTestBase
{
    [Fact]
    public async Task ShouldSaveWhatThePreviewShowsAndActivateItKeepingVersionOne_GivenTwoGeneratedSections()
    {
        var venueId = await NewVenueAsync();
        var front = Spec("A", rows: 6, seatsPerRow: 12);
        front.Aisles = "6";
        front.GradeBlocks = [new GradeBlockSpec { Grade = "VIP", FromRow = 1, ToRow = 2 }];
        front.WheelchairAtBackRowEnds = true;
        var balcony = Spec("발코니", floor: 2, rows: 3, seatsPerRow: 20);
        balcony.RowLabels = RowLabelStyle.Letters;
        balcony.Gaps = "1-2";
        balcony.DefaultGrade = "S";
        var preview = LayoutComposer.Compose([Generated(front), Generated(balcony)]);

        var saved = await SaveDraft().HandleAsync(new SaveLayoutDraftCommand { VenueId = venueId, Name = "콘서트 배치", Sections = [Generated(front), Generated(balcony)] }, Token);

        saved.Succeeded.ShouldBeTrue(saved.Error);
        var view = (await Editor().HandleAsync(venueId, saved.Id, Token)).ShouldNotBeNull();
        view.Status.ShouldBe(SeatLayoutStatus.Draft);
        view.Version.ShouldBe(1);
        view.Name.ShouldBe("콘서트 배치");
        view.CanvasWidth.ShouldBe(preview.CanvasWidth);
        view.CanvasHeight.ShouldBe(preview.CanvasHeight);
        view.Sections.Select(section => section.Label).ShouldBe(["1층 A구역", "2층 발코니"]);
        view.SeatCount.ShouldBe(72 + 54);
        var savedSeats = view.Sections.SelectMany(section => section.Seats).Select(seat => (seat.Row, seat.Number, seat.X, seat.Y, seat.Grade.Code, seat.IsAccessible)).ToHashSet();
        var previewSeats = preview.Sections.SelectMany(section => section.Seats).Select(seat => (seat.Row, seat.Number, seat.X, seat.Y, seat.Grade.Code, seat.IsAccessible)).ToHashSet();
        savedSeats.SetEquals(previewSeats).ShouldBeTrue();
        view.Sections[0].Seats.Count(seat => seat.Grade.Code == "VIP").ShouldBe(24);
        view.Sections[0].Seats.Where(seat => seat.IsAccessible).Select(seat => (seat.Row, seat.Number)).ShouldBe([("6", 1), ("6", 12)], ignoreOrder: true);
        view.Sections[1].Rows().ShouldBe(["A", "B", "C"]);
        (await AuditAsync("layout.created")).ShouldHaveSingleItem().EntityId.ShouldBe(saved.Id!.Value.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var activated = await Activate().HandleAsync(venueId, saved.Id!.Value, Token);

        activated.Succeeded.ShouldBeTrue(activated.Error);
        await using var context = Database.CreateContext();
        var layout = await context.SeatLayouts.SingleAsync(candidate => candidate.Id == saved.Id, Token);
        layout.Status.ShouldBe(SeatLayoutStatus.Active);
        layout.Version.ShouldBe(1, "the context's concurrency bump must not renumber a layout version");
        (await AuditAsync("layout.activated")).ShouldHaveSingleItem().AfterJson.ShouldNotBeNull().ShouldContain("\"SeatCount\":126");
    }

    [Fact]
    public async Task ShouldReplaceTheDraftKeepingVersionAndCreationTime_GivenASecondSave()
    {
        var venueId = await NewVenueAsync();
        var first = await SaveDraft().HandleAsync(new SaveLayoutDraftCommand { VenueId = venueId, Sections = [Generated(Spec("A")), Generated(Spec("B"))] }, Token);
        first.Succeeded.ShouldBeTrue(first.Error);
        var reopened = (await Editor().HandleAsync(venueId, first.Id, Token)).ShouldNotBeNull();
        Clock.Advance(TimeSpan.FromHours(1));

        var sections = new List<SectionBlock> { reopened.Sections[1].ToBlock(), Generated(Spec("C", rows: 2, seatsPerRow: 4)) };
        var second = await SaveDraft().HandleAsync(new SaveLayoutDraftCommand { VenueId = venueId, LayoutId = first.Id, Name = "수정한 배치", Sections = sections }, Token);

        second.Succeeded.ShouldBeTrue(second.Error);
        second.Id.ShouldNotBe(first.Id);
        (await Editor().HandleAsync(venueId, first.Id, Token)).ShouldBeNull();
        var view = (await Editor().HandleAsync(venueId, second.Id, Token)).ShouldNotBeNull();
        view.Version.ShouldBe(1);
        view.Name.ShouldBe("수정한 배치");
        view.Sections.Select(section => section.Name).ShouldBe(["B", "C"]);
        view.SeatCount.ShouldBe(50 + 8);
        await using var context = Database.CreateContext();
        (await context.SeatLayouts.SingleAsync(layout => layout.Id == second.Id, Token)).CreatedAt.ShouldBe(Now);
        (await context.Set<SeatSection>().CountAsync(Token)).ShouldBe(2);
        (await context.Seats.CountAsync(Token)).ShouldBe(58);
        var entry = (await AuditAsync("layout.draft_saved")).ShouldHaveSingleItem();
        entry.BeforeJson.ShouldNotBeNull().ShouldContain($"\"ReplacedLayoutId\":{first.Id}");
        entry.BeforeJson.ShouldContain("\"SeatCount\":100");
    }

    [Fact]
    public async Task ShouldRefuseWithKoreanMessages_GivenADraftWithoutSectionsOrWithTheSameSectionTwice()
    {
        var venueId = await NewVenueAsync();

        var empty = await SaveDraft().HandleAsync(new SaveLayoutDraftCommand { VenueId = venueId, Sections = [] }, Token);
        var twice = await SaveDraft().HandleAsync(new SaveLayoutDraftCommand { VenueId = venueId, Sections = [Generated(Spec("A")), Generated(Spec("A"))] }, Token);

        empty.Error.ShouldBe("구역을 하나 이상 추가해 주세요.");
        twice.Error.ShouldBe("1층에 A 구역이 이미 있습니다.");
        await using var context = Database.CreateContext();
        (await context.SeatLayouts.CountAsync(Token)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRefuseWithTheDomainsMessageAndChangeNothing_GivenASaveOfAnActiveLayout()
    {
        var catalog = await CatalogAsync();

        var result = await SaveDraft().HandleAsync(
            new SaveLayoutDraftCommand { VenueId = catalog.Venue.Id, LayoutId = catalog.Layout.Id, Sections = [Generated(Spec("Z"))] },
            Token);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("사용 중인 배치도의 좌석은 바꿀 수 없습니다. 새 버전을 만들어 주세요.");
        await using var context = Database.CreateContext();
        (await context.Seats.CountAsync(Token)).ShouldBe(20);
        (await context.SeatLayouts.SingleAsync(Token)).Status.ShouldBe(SeatLayoutStatus.Active);
        (await context.AuditLog.CountAsync(Token)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldShowTheDomainsMessage_GivenAnActiveLayoutActivatedAgain()
    {
        var catalog = await CatalogAsync();

        var result = await Activate().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token);

        result.Error.ShouldBe("작성 중인 배치도만 사용 시작할 수 있습니다.");
    }

    [Fact]
    public async Task ShouldCopySeatsGradesWheelchairAndBlockedFlagsIntoVersionTwo_GivenNewVersionFromAnActiveLayout()
    {
        var catalog = await CatalogAsync();
        var source = (await Editor().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token)).ShouldNotBeNull();
        var blockedIds = source.Sections[1].Seats.Where(seat => seat.Row == "1" && seat.Number <= 2).Select(seat => seat.Id).ToList();
        (await SetBlocked().HandleAsync(new SetSeatsBlockedCommand(catalog.Venue.Id, catalog.Layout.Id, blockedIds, Blocked: true), Token)).Succeeded.ShouldBeTrue();

        var result = await NewVersion().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token);

        result.Succeeded.ShouldBeTrue(result.Error);
        var copy = (await Editor().HandleAsync(catalog.Venue.Id, result.Id, Token)).ShouldNotBeNull();
        copy.Version.ShouldBe(2);
        copy.Status.ShouldBe(SeatLayoutStatus.Draft);
        copy.Name.ShouldBe(source.Name);
        (copy.CanvasWidth, copy.CanvasHeight, copy.Stage).ShouldBe((source.CanvasWidth, source.CanvasHeight, source.Stage));
        static IEnumerable<(string, string, int, int, int, string, bool)> Shape(LayoutEditorView view) =>
            view.Sections.SelectMany(section => section.Seats.Select(seat => (section.Name, seat.Row, seat.Number, seat.X, seat.Y, seat.Grade.Code, seat.IsAccessible)));
        Shape(copy).ShouldBe(Shape(source), ignoreOrder: true);
        copy.Sections.SelectMany(section => section.Seats).Where(seat => seat.IsBlocked).Select(seat => (seat.Row, seat.Number))
            .ShouldBe([("1", 1), ("1", 2)], ignoreOrder: true);
        copy.Sections[1].Seats.Where(seat => seat.IsBlocked).ShouldAllBe(seat => !blockedIds.Contains(seat.Id));
        (await AuditAsync("layout.version_created")).ShouldHaveSingleItem().BeforeJson.ShouldNotBeNull().ShouldContain($"\"SourceLayoutId\":{catalog.Layout.Id}");
        await using var context = Database.CreateContext();
        (await context.SeatLayouts.SingleAsync(layout => layout.Id == catalog.Layout.Id, Token)).Status.ShouldBe(SeatLayoutStatus.Active);
    }

    [Fact]
    public async Task ShouldBlockARowAndUnblockOneSeatWithAuditEntries_GivenAnActiveLayout()
    {
        var catalog = await CatalogAsync();
        var view = (await Editor().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token)).ShouldNotBeNull();
        var row = SeatSelection.Resolve(view, view.Sections[0].Id, "2", null);
        row.SeatIds.Count.ShouldBe(5);

        var blocked = await SetBlocked().HandleAsync(new SetSeatsBlockedCommand(catalog.Venue.Id, catalog.Layout.Id, row.SeatIds, Blocked: true), Token);
        var unblocked = await SetBlocked().HandleAsync(new SetSeatsBlockedCommand(catalog.Venue.Id, catalog.Layout.Id, [row.SeatIds[0]], Blocked: false), Token);

        blocked.Succeeded.ShouldBeTrue(blocked.Error);
        unblocked.Succeeded.ShouldBeTrue(unblocked.Error);
        var after = (await Editor().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token)).ShouldNotBeNull();
        after.Sections[0].Seats.Where(seat => seat.IsBlocked).Select(seat => seat.Number).ShouldBe([2, 3, 4, 5]);
        after.Sections[1].Seats.ShouldAllBe(seat => !seat.IsBlocked);
        (await AuditAsync("layout.seats_blocked")).ShouldHaveSingleItem().AfterJson.ShouldNotBeNull().ShouldContain("1층 A구역 2열 3번");
        (await AuditAsync("layout.seats_unblocked")).ShouldHaveSingleItem().AfterJson.ShouldNotBeNull().ShouldContain("\"Blocked\":4");
        await using var context = Database.CreateContext();
        (await context.SeatLayouts.SingleAsync(Token)).Version.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRefuseToBlockTheLastSeatsOnSale_GivenEveryOtherSeatIsBlocked()
    {
        var catalog = await CatalogAsync();
        var ids = (await Editor().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token)).ShouldNotBeNull()
            .Sections.SelectMany(section => section.Seats).Select(seat => seat.Id).ToList();
        (await SetBlocked().HandleAsync(new SetSeatsBlockedCommand(catalog.Venue.Id, catalog.Layout.Id, ids[..^1], Blocked: true), Token)).Succeeded.ShouldBeTrue();

        var result = await SetBlocked().HandleAsync(new SetSeatsBlockedCommand(catalog.Venue.Id, catalog.Layout.Id, [ids[^1]], Blocked: true), Token);

        result.Error.ShouldBe("모든 좌석을 막을 수는 없습니다. 판매할 좌석이 하나는 남아야 합니다.");
        await using var context = Database.CreateContext();
        (await context.Seats.CountAsync(seat => !seat.IsBlocked, Token)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldRefuseToRetireAndNameTheShow_GivenAPerformanceWithAnUpcomingRound()
    {
        var catalog = await CatalogAsync();

        var result = await Retire().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("'테스트 뮤지컬' 공연에 아직 끝나지 않은 회차가 있어 사용 중지할 수 없습니다. 그 회차가 모두 끝나거나 취소된 뒤에 다시 시도해 주세요.");
        await using var context = Database.CreateContext();
        (await context.SeatLayouts.SingleAsync(Token)).Status.ShouldBe(SeatLayoutStatus.Active);
        (await context.AuditLog.CountAsync(Token)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRetireKeepingTheVersionNumber_GivenTheOnlyRoundHasEnded()
    {
        var catalog = await CatalogAsync();
        Clock.SetUtcNow(catalog.Round.EndsAt.AddMinutes(1));

        var result = await Retire().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token);

        result.Succeeded.ShouldBeTrue(result.Error);
        await using var context = Database.CreateContext();
        var layout = await context.SeatLayouts.SingleAsync(Token);
        layout.Status.ShouldBe(SeatLayoutStatus.Retired);
        layout.Version.ShouldBe(1);
        (await AuditAsync("layout.retired")).ShouldHaveSingleItem().AfterJson.ShouldNotBeNull().ShouldContain("\"Status\":\"Retired\"");
    }

    [Fact]
    public async Task ShouldRetireAnActiveLayout_GivenItsOnlyRoundIsCancelled()
    {
        var catalog = await CatalogAsync();
        await using (var context = Database.CreateContext())
        {
            var round = await context.Rounds.SingleAsync(Token);
            round.Cancel("공연장 사정", RoundSales.None);
            await context.SaveChangesAsync(Token);
        }

        var result = await Retire().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token);

        result.Succeeded.ShouldBeTrue(result.Error);
    }

    [Fact]
    public async Task ShouldLoadEverySeatOnceAndOfferTheNextVersion_GivenTheEditor()
    {
        var catalog = await CatalogAsync();

        var saved = await Editor().HandleAsync(catalog.Venue.Id, catalog.Layout.Id, Token);
        var fresh = await Editor().HandleAsync(catalog.Venue.Id, null, Token);
        var elsewhere = await Editor().HandleAsync(catalog.Venue.Id + 1, catalog.Layout.Id, Token);

        saved.ShouldNotBeNull().Sections.Select(section => section.Seats.Count).ShouldBe([10, 10]);
        saved.Sections[0].Seats.Select(seat => $"{seat.Row}-{seat.Number}").Take(6).ShouldBe(["1-1", "1-2", "1-3", "1-4", "1-5", "2-1"]);
        saved.VenueName.ShouldBe("테스트 아트홀");
        fresh.ShouldNotBeNull().Version.ShouldBe(2);
        fresh.LayoutId.ShouldBeNull();
        fresh.Sections.ShouldBeEmpty();
        elsewhere.ShouldBeNull();
    }

    private async Task<long> NewVenueAsync()
    {
        var result = await SaveVenue().HandleAsync(new SaveVenueCommand { Name = "새 공연장", Address = "서울 마포구 1", Region = "서울 마포구" }, Token);
        return result.Id!.Value;
    }

    private async Task<TestCatalog> CatalogAsync()
    {
        await using var context = Database.CreateContext();
        return await TestCatalog.CreateAsync(context, Now);
    }
}
