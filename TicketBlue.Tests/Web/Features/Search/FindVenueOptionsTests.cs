using Microsoft.EntityFrameworkCore;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Search;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Web.Features.Catalog.Categories;
using TicketBlue.Web.Features.Search;

namespace TicketBlue.Tests.Web.Features.Search;

/// <summary>The venue filter's typeahead asks the search index for venues only and shows their plain names.</summary>
public sealed class FindVenueOptionsTests
{
    private readonly ICatalogSearch _search = Substitute.For<ICatalogSearch>();
    private readonly FindVenueOptionsHandler _handler;

    public FindVenueOptionsTests() =>
        _handler = new FindVenueOptionsHandler(_search, Substitute.For<IDbContextFactory<TicketBlueDbContext>>());

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldAskForVenuesOnlyAndJoinTheMarkedTitle_GivenPartOfAName()
    {
        _search.SearchAsync(Arg.Any<SearchQuery>(), Arg.Any<CancellationToken>()).Returns(new SearchResults("블루",
            [
                new SearchGroup(SearchKind.Venue, 2, [Hit(3, [new TextRun("블루", true), new TextRun("스퀘어 신한카드홀", false)]), Hit(9, [new TextRun("블루", true), new TextRun("스퀘어 마스터카드홀", false)])]),
            ],
            null));

        var venues = await _handler.FindAsync("  블루 ", 20, Cancellation);

        venues.ShouldBe([new VenueOption(3, "블루스퀘어 신한카드홀"), new VenueOption(9, "블루스퀘어 마스터카드홀")]);
        await _search.Received(1).SearchAsync(
            Arg.Is<SearchQuery>(query => query.Text == "블루" && query.Kinds!.SequenceEqual(new[] { SearchKind.Venue }) && query.PerKind == 20),
            Arg.Any<CancellationToken>());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public async Task ShouldNotSearch_GivenNothingTyped(string? text)
    {
        (await _handler.FindAsync(text, 20, Cancellation)).ShouldBeEmpty();

        _search.ReceivedCalls().ShouldBeEmpty();
    }

    private static SearchHit Hit(long id, IReadOnlyList<TextRun> title) => new(SearchKind.Venue, id, title, "서울", null, null, 1f);
}
