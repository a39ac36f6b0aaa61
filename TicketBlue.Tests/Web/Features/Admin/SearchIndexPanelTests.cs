using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NSubstitute;
using NSubstitute.ExceptionExtensions;
using Shouldly;
using TicketBlue.Domain.Search;
using TicketBlue.Web.Features.Admin;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin;

/// <summary>The dashboard's search-index panel: what the index holds, and a rebuild with its progress.</summary>
[Trait("Category", "Component")]
public sealed class SearchIndexPanelTests : ComponentTestBase
{
    private readonly ISearchIndexAdmin _index = Substitute.For<ISearchIndexAdmin>();

    public SearchIndexPanelTests()
    {
        _index.Status.Returns(new SearchIndexStatus(true, 43, 69, 8, new DateTimeOffset(2026, 11, 26, 3, 0, 0, TimeSpan.Zero), false));
        Services.AddSingleton(_index);
        Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        Services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
    }

    [Fact]
    public void ShouldShowWhatTheIndexHolds()
    {
        var panel = Render<SearchIndexPanel>();

        panel.Find("[data-testid=search-index-status]").TextContent.ShouldContain("공연 43건 · 아티스트 69명 · 공연장 8곳");
        panel.Find("[data-testid=search-index-status]").TextContent.ShouldContain("2026.11.26");
    }

    [Fact]
    public async Task ShouldShowProgressWhileRebuilding_AndSayWhenItIsDone()
    {
        var release = new TaskCompletionSource();
        _index.RebuildAsync(Arg.Any<IProgress<RebuildProgress>?>(), Arg.Any<CancellationToken>())
            .Returns(async call =>
            {
                call.Arg<IProgress<RebuildProgress>?>()!.Report(new RebuildProgress(500, 1_000));
                await release.Task;
            });
        var panel = Render<SearchIndexPanel>();

        var rebuilding = panel.Find("[data-testid=search-index-rebuild]").ClickAsync(new());
        panel.WaitForAssertion(() => panel.Find("[data-testid=search-index-progress]").TextContent.ShouldBe("1,000건 중 500건 색인"));
        panel.Find("[data-testid=search-index-rebuild]").HasAttribute("disabled").ShouldBeTrue();
        release.SetResult();
        await rebuilding;

        panel.WaitForAssertion(() => panel.Find("[data-testid=search-index-result]").TextContent.ShouldContain("다시 만들었습니다"));
        await _index.Received(1).RebuildAsync(Arg.Any<IProgress<RebuildProgress>?>(), Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldSayTheOldIndexKeepsAnswering_WhenTheRebuildFails()
    {
        _index.RebuildAsync(Arg.Any<IProgress<RebuildProgress>?>(), Arg.Any<CancellationToken>()).ThrowsAsync(new IOException("disk full"));
        var panel = Render<SearchIndexPanel>();

        await panel.Find("[data-testid=search-index-rebuild]").ClickAsync(new());

        panel.Find("[data-testid=search-index-result]").TextContent.ShouldContain("기존 색인으로 계속 검색됩니다");
    }
}
