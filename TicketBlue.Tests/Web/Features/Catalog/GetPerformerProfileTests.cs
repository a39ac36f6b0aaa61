using Microsoft.EntityFrameworkCore;
using Shouldly;
using TicketBlue.Domain.Performances;
using TicketBlue.Domain.Performers;
using TicketBlue.Web.Features.Catalog.Performers;

namespace TicketBlue.Tests.Web.Features.Catalog;

[Trait("Category", "Integration")]
public sealed class GetPerformerProfileTests : CatalogDatabaseTest
{
    private GetPerformerProfileHandler Handler => new(ContextFactory, Clock);

    [Fact]
    public async Task ShouldShowTheProfileAndPublishedWorkUpcomingFirstThenPast_GivenAPerformerWithCredits()
    {
        var catalog = await CreateCatalogAsync();
        long pastId, laterId;
        await using (var context = CreateContext())
        {
            var performerId = catalog.Performer.Id;
            var performer = await context.Performers.SingleAsync(candidate => candidate.Id == performerId, Cancellation);
            performer.SetPhoto("photos/hong.webp");

            // Two roles in one show are listed together.
            var later = await CatalogTestData.AddShowAsync(context, catalog.Layout, "봄의 연극", Now.AddDays(10), Category.Play);
            later.SetCast([(performerId, "햄릿"), (performerId, "유령")], Now);

            var earlier = Now.AddDays(-90);
            var past = await CatalogTestData.AddShowAsync(context, catalog.Layout, "지난 겨울 뮤지컬", earlier);
            past.SetCast([(performerId, "앙상블")], earlier);
            await CatalogTestData.AddRoundAsync(context, past, earlier, 10);

            var draft = await CatalogTestData.AddShowAsync(context, catalog.Layout, "비공개 공연", Now, publish: false);
            draft.SetCast([(performerId, "주인공")], Now);

            var withoutHim = await CatalogTestData.AddShowAsync(context, catalog.Layout, "다른 배우의 공연", Now);
            await context.SaveChangesAsync(Cancellation);
            (pastId, laterId) = (past.Id, later.Id);
            withoutHim.Cast.ShouldBeEmpty();
        }

        var profile = await Handler.HandleAsync(catalog.Performer.Id, Cancellation);

        profile.ShouldNotBeNull();
        profile.Name.ShouldBe("홍길동");
        profile.EnglishName.ShouldBe("Hong Gildong");
        profile.Kind.ShouldBe("배우");
        profile.BirthDate.ShouldBe(new DateOnly(1990, 5, 1));
        profile.Nationality.ShouldBe("대한민국");
        profile.Bio.ShouldBe("테스트 배우");
        profile.PhotoUrl.ShouldBe("/media/photos/hong.webp");
        profile.Upcoming.Select(credit => (credit.Card.Id, credit.Roles)).ShouldBe([(catalog.Performance.Id, "주인공"), (laterId, "햄릿, 유령")]);
        profile.Past.Select(credit => (credit.Card.Id, credit.Roles)).ShouldBe([(pastId, "앙상블")]);
        profile.Past[0].Card.Title.ShouldBe("지난 겨울 뮤지컬");
        profile.Past[0].Card.SalesOpenAt.ShouldBeNull("a finished show has no sales to open");
        profile.Upcoming[0].Card.LowestPrice.ShouldBe(80_000);
        profile.AsOf.ShouldBe(Now);
    }

    [Fact]
    public async Task ShouldShowEmptyLists_GivenAPerformerWithoutPublishedWork()
    {
        await CreateCatalogAsync();
        long id;
        await using (var context = CreateContext())
        {
            var newcomer = Performer.Create("신인", null, "배우", null, null, null, Now);
            context.Performers.Add(newcomer);
            await context.SaveChangesAsync(Cancellation);
            id = newcomer.Id;
        }

        var profile = await Handler.HandleAsync(id, Cancellation);

        profile.ShouldNotBeNull();
        profile.Upcoming.ShouldBeEmpty();
        profile.Past.ShouldBeEmpty();
        profile.PhotoUrl.ShouldBeNull();
        profile.Bio.ShouldBeEmpty();
    }

    [Fact]
    public async Task ShouldFindNothing_GivenAnArchivedOrUnknownPerformer()
    {
        var catalog = await CreateCatalogAsync();
        await using (var context = CreateContext())
        {
            var performer = await context.Performers.SingleAsync(candidate => candidate.Id == catalog.Performer.Id, Cancellation);
            performer.Archive();
            await context.SaveChangesAsync(Cancellation);
        }

        (await Handler.HandleAsync(catalog.Performer.Id, Cancellation)).ShouldBeNull();
        (await Handler.HandleAsync(987_654, Cancellation)).ShouldBeNull();
    }
}
