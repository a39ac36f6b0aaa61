using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Shouldly;
using TicketBlue.Web.Features.Booking;

namespace TicketBlue.Tests.Web.Features.Booking;

/// <summary>The map's start and end in the browser: what it attaches, and that whatever it attached is given back.</summary>
[Trait("Category", "Component")]
public sealed class SeatMapCanvasTests : SeatMapTestBase
{
    [Fact]
    public void ShouldGiveTheBrowsersMapBackWithoutAnError_GivenTheListTabIsChosenWhileTheMapIsStillAttaching()
    {
        // The browser has not answered "attach" yet when the customer switches to the list (a clean-clone run's
        // keyboard journey did exactly that, and the page showed "문제가 발생했습니다").
        var browser = new SlowToAttachBrowser();
        Services.AddSingleton<IJSRuntime>(browser);
        SignIn();
        var page = RenderPage();
        page.FindComponent<SeatMapCanvas>();

        page.Find("#seat-tab-list").Click();
        page.HasComponent<SeatMapCanvas>().ShouldBeFalse();
        var lateMap = new RecordingMap();
        browser.Attached.SetResult(lateMap);

        page.WaitForAssertion(() => lateMap.Disposed.ShouldBeTrue());
        lateMap.Calls.ShouldBe(["dispose"]);
        browser.Module.Disposed.ShouldBeTrue();
        page.Find("#seat-tab-list").GetAttribute("aria-selected").ShouldBe("true");
    }

    [Fact]
    public void ShouldGiveTheBrowsersMapBack_GivenThePageGoesAwayAfterTheMapStarted()
    {
        SignIn();
        var page = RenderPage();
        page.FindComponent<SeatMapCanvas>();

        page.Find("#seat-tab-list").Click();

        page.WaitForAssertion(() => MapHandle.Invocations["dispose"].ShouldHaveSingleItem());
    }

    /// <summary>A browser whose map script loads at once but answers "attach" only when the test says.</summary>
    private sealed class SlowToAttachBrowser : IJSRuntime
    {
        public SlowToAttachBrowser() => Module = new RecordingMap(this);

        public TaskCompletionSource<IJSObjectReference> Attached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public RecordingMap Module { get; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args) =>
            ValueTask.FromResult(identifier == "import" ? (TValue)(object)Module : default!);

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);
    }

    /// <summary>A script object the browser hands back (the module or a map), recording what the component asks of it.</summary>
    private sealed class RecordingMap(SlowToAttachBrowser? browser = null) : IJSObjectReference
    {
        public List<string> Calls { get; } = [];

        public bool Disposed { get; private set; }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
        {
            Calls.Add(identifier);
            return identifier == "attach" && browser is not null
                ? new ValueTask<TValue>((Task<TValue>)(object)browser.Attached.Task)
                : ValueTask.FromResult<TValue>(default!);
        }

        public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) =>
            InvokeAsync<TValue>(identifier, args);

        public ValueTask DisposeAsync()
        {
            Disposed = true;
            return ValueTask.CompletedTask;
        }
    }
}
