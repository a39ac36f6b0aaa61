using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Venues;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

[Trait("Category", "Integration")]
public sealed class VenueAdminTests : VenueAdminTestBase
{
    [Fact]
    public async Task ShouldCreateAVenueAndRecordIt_GivenAValidForm()
    {
        var result = await SaveVenue().HandleAsync(
            new SaveVenueCommand { Name = " 예술의전당 ", EnglishName = "Seoul Arts Center", Address = "서울특별시 서초구 남부순환로 2406", Region = "서울 서초구", Description = "오페라극장" },
            Token);

        result.Succeeded.ShouldBeTrue(result.Error);
        await using var context = Database.CreateContext();
        var venue = await context.Venues.SingleAsync(candidate => candidate.Id == result.Id, Token);
        venue.Name.ShouldBe("예술의전당");
        venue.Region.ShouldBe("서울 서초구");
        venue.CreatedAt.ShouldBe(Now);
        var entry = (await AuditAsync("venue.created")).ShouldHaveSingleItem();
        entry.ActorUserId.ShouldBe("admin-1");
        entry.ActorEmail.ShouldBe("admin@ticketblue.kr");
        entry.EntityType.ShouldBe(nameof(Venue));
        entry.EntityId.ShouldBe(venue.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entry.BeforeJson.ShouldBeNull();
        entry.AfterJson.ShouldNotBeNull().ShouldContain("\"Name\":\"예술의전당\"");
        entry.OccurredAt.ShouldBe(Now);
    }

    [Fact]
    public async Task ShouldRefuseWithKoreanFieldMessagesAndSaveNothing_GivenABlankForm()
    {
        var result = await SaveVenue().HandleAsync(new SaveVenueCommand { Name = " ", Address = string.Empty, Region = new string('가', 51) }, Token);

        result.Succeeded.ShouldBeFalse();
        result.FieldErrors[nameof(SaveVenueCommand.Name)].ShouldBe(["공연장 이름을 입력해 주세요."]);
        result.FieldErrors[nameof(SaveVenueCommand.Address)].ShouldBe(["주소를 입력해 주세요."]);
        result.FieldErrors[nameof(SaveVenueCommand.Region)].ShouldBe(["50자 이하로 입력해 주세요."]);
        await using var context = Database.CreateContext();
        (await context.Venues.CountAsync(Token)).ShouldBe(0);
        (await context.AuditLog.CountAsync(Token)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldUpdateAndRecordBeforeAndAfter_GivenAnExistingVenue()
    {
        var id = (await SaveVenue().HandleAsync(new SaveVenueCommand { Name = "블루스퀘어", Address = "서울 용산구 이태원로 294", Region = "서울 용산구" }, Token)).Id;

        var result = await SaveVenue().HandleAsync(
            new SaveVenueCommand { Id = id, Name = "블루스퀘어 신한카드홀", Address = "서울 용산구 이태원로 294", Region = "서울 용산구" },
            Token);

        result.Succeeded.ShouldBeTrue(result.Error);
        result.Id.ShouldBe(id);
        var entry = (await AuditAsync("venue.updated")).ShouldHaveSingleItem();
        entry.BeforeJson.ShouldNotBeNull().ShouldContain("\"Name\":\"블루스퀘어\"");
        entry.AfterJson.ShouldNotBeNull().ShouldContain("\"Name\":\"블루스퀘어 신한카드홀\"");
        var form = await new GetVenueForEditHandler(Factory).HandleAsync(id!.Value, Token);
        form.ShouldNotBeNull().Name.ShouldBe("블루스퀘어 신한카드홀");
    }

    [Fact]
    public async Task ShouldReportNotFound_GivenAVenueThatDoesNotExist()
    {
        var result = await SaveVenue().HandleAsync(new SaveVenueCommand { Id = 999, Name = "없는 곳", Address = "주소", Region = "서울" }, Token);

        result.Succeeded.ShouldBeFalse();
        result.Error.ShouldBe("공연장을 찾을 수 없습니다.");
    }

    [Fact]
    public async Task ShouldArchiveWithoutTouchingPerformancesAndRestore_GivenAVenueWithAShowOnSale()
    {
        TestCatalog catalog;
        await using (var context = Database.CreateContext())
        {
            catalog = await TestCatalog.CreateAsync(context, Now);
        }

        var archived = await SetVenueArchived().HandleAsync(catalog.Venue.Id, archived: true, Token);

        archived.Succeeded.ShouldBeTrue(archived.Error);
        await using (var context = Database.CreateContext())
        {
            (await context.Venues.SingleAsync(venue => venue.Id == catalog.Venue.Id, Token)).IsArchived.ShouldBeTrue();
            (await context.Performances.CountAsync(performance => performance.VenueId == catalog.Venue.Id, Token)).ShouldBe(1);
            (await context.RoundSeats.CountAsync(seat => seat.RoundId == catalog.Round.Id, Token)).ShouldBe(20);
        }

        var list = new ListAdminVenuesHandler(Factory);
        (await list.HandleAsync(new PageRequest(0, 20), includeArchived: false, Token)).Items.ShouldBeEmpty();
        (await list.HandleAsync(new PageRequest(0, 20), includeArchived: true, Token)).Items.ShouldHaveSingleItem().IsArchived.ShouldBeTrue();
        (await AuditAsync("venue.archived")).ShouldHaveSingleItem().AfterJson.ShouldNotBeNull().ShouldContain("\"IsArchived\":true");

        (await SetVenueArchived().HandleAsync(catalog.Venue.Id, archived: false, Token)).Succeeded.ShouldBeTrue();
        (await list.HandleAsync(new PageRequest(0, 20), includeArchived: false, Token)).Items.ShouldHaveSingleItem().IsArchived.ShouldBeFalse();
        (await AuditAsync("venue.restored")).Count.ShouldBe(1);
    }

    [Fact]
    public async Task ShouldListCountsSearchSortAndPage_GivenVenuesWithAndWithoutLayouts()
    {
        await using (var context = Database.CreateContext())
        {
            await TestCatalog.CreateAsync(context, Now);
        }

        foreach (var (name, region) in new[] { ("세종문화회관", "서울 종로구"), ("부산문화회관", "부산 남구"), ("대구오페라하우스", "대구 북구") })
        {
            (await SaveVenue().HandleAsync(new SaveVenueCommand { Name = name, Address = $"{region} 1", Region = region }, Token)).Succeeded.ShouldBeTrue();
        }

        var list = new ListAdminVenuesHandler(Factory);

        var bySeats = await list.HandleAsync(new PageRequest(0, 2, nameof(VenueRow.ActiveSeatCount), Descending: true), includeArchived: false, Token);
        bySeats.TotalCount.ShouldBe(4);
        bySeats.Items.Count.ShouldBe(2);
        bySeats.Items[0].Name.ShouldBe("테스트 아트홀");
        bySeats.Items[0].ActiveSeatCount.ShouldBe(20);
        bySeats.Items[0].LayoutCount.ShouldBe(1);
        bySeats.Items[1].ActiveSeatCount.ShouldBeNull();
        bySeats.Items[1].LayoutCount.ShouldBe(0);

        var searched = await list.HandleAsync(new PageRequest(0, 20, Search: "부산"), includeArchived: false, Token);
        searched.Items.Select(row => row.Name).ShouldBe(["부산문화회관"]);

        var byRegion = await list.HandleAsync(new PageRequest(1, 3, nameof(VenueRow.Region)), includeArchived: false, Token);
        byRegion.Items.Select(row => row.Region).ShouldBe(["서울 종로구"]);
    }

    [Fact]
    public async Task ShouldShowEachLayoutWithGradeCounts_GivenAVenueDetail()
    {
        TestCatalog catalog;
        await using (var context = Database.CreateContext())
        {
            catalog = await TestCatalog.CreateAsync(context, Now);
        }

        var detail = await new GetAdminVenueDetailHandler(Factory).HandleAsync(catalog.Venue.Id, Token);

        detail.ShouldNotBeNull().Name.ShouldBe("테스트 아트홀");
        var layout = detail.Layouts.ShouldHaveSingleItem();
        layout.Version.ShouldBe(1);
        layout.Status.ShouldBe(SeatLayoutStatus.Active);
        layout.SeatCount.ShouldBe(20);
        layout.AccessibleCount.ShouldBe(2);
        layout.BlockedCount.ShouldBe(0);
        layout.PerformanceCount.ShouldBe(1);
        layout.Grades.ShouldBe([new LayoutGradeCount("R", 10), new LayoutGradeCount("S", 10)]);
        (await new GetAdminVenueDetailHandler(Factory).HandleAsync(catalog.Venue.Id + 100, Token)).ShouldBeNull();
    }
}
