using System.Text.Json;
using Microsoft.Playwright;

namespace TicketBlue.Benchmarks.SeatMap;

/// <summary>What one fresh visit to the seat page moved over the wire until the map was drawn and live.</summary>
public sealed record FirstLoad(long HttpBytes, int Requests, long WebSocketBytesReceived, long WebSocketBytesSent, IReadOnlyList<(string Url, long Bytes)> Largest)
{
    public long Total => HttpBytes + WebSocketBytesReceived + WebSocketBytesSent;
}

/// <summary>
/// Seat-map viewers as real browsers: headless Chromium pages through Playwright, several per browser
/// context so the browser's own memory stays sane. A viewer counts once the page is interactive (its
/// Blazor circuit is up) and every seat is drawn, however the version under test draws them.
/// </summary>
public sealed class SeatMapViewers : IAsyncDisposable
{
    private readonly IPlaywright _playwright;
    private readonly IBrowser _browser;
    private readonly Uri _baseAddress;
    private readonly int _pagesPerContext;
    private readonly List<IBrowserContext> _contexts = [];
    private readonly List<IPage> _pages = [];

    private SeatMapViewers(IPlaywright playwright, IBrowser browser, Uri baseAddress, int pagesPerContext)
    {
        _playwright = playwright;
        _browser = browser;
        _baseAddress = baseAddress;
        _pagesPerContext = pagesPerContext;
    }

    public int Count => _pages.Count;

    public static async Task<SeatMapViewers> StartAsync(string chromium, Uri baseAddress, int pagesPerContext)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                // Every viewer stays live (SignalR keeps pinging) although only one page can be in front.
                "--disable-background-timer-throttling", "--disable-renderer-backgrounding", "--disable-backgrounding-occluded-windows",
                "--renderer-process-limit=8",
            ],
        });
        return new SeatMapViewers(playwright, browser, baseAddress, pagesPerContext);
    }

    /// <summary>Opens viewers one after the other until there are <paramref name="count"/>.</summary>
    public async Task OpenUntilAsync(string path, int seats, int count, Action<int> progress)
    {
        while (_pages.Count < count)
        {
            if (_pages.Count % _pagesPerContext == 0)
            {
                _contexts.Add(await NewContextAsync());
            }

            var page = await _contexts[^1].NewPageAsync();
            await OpenAsync(page, path, seats);
            _pages.Add(page);
            progress(_pages.Count);
        }
    }

    /// <summary>One visit in a fresh context (empty cache), counting every byte until the map is drawn and live, plus two quiet seconds.</summary>
    public async Task<FirstLoad> MeasureFirstLoadAsync(string path, int seats)
    {
        await using var context = await NewContextAsync();
        var page = await context.NewPageAsync();
        var cdp = await context.NewCDPSessionAsync(page);
        long http = 0, received = 0, sent = 0;
        var requests = 0;
        var urls = new Dictionary<string, string>();
        var sizes = new List<(string Url, long Bytes)>();
        cdp.Event("Network.requestWillBeSent").OnEvent += (_, data) =>
        {
            if (data is { } request)
            {
                urls[request.GetProperty("requestId").GetString()!] = request.GetProperty("request").GetProperty("url").GetString()!;
            }
        };
        cdp.Event("Network.loadingFinished").OnEvent += (_, data) =>
        {
            var bytes = (long)(data?.GetProperty("encodedDataLength").GetDouble() ?? 0);
            http += bytes;
            requests++;
            sizes.Add((urls.GetValueOrDefault(data?.GetProperty("requestId").GetString() ?? string.Empty, "?"), bytes));
        };
        cdp.Event("Network.webSocketFrameReceived").OnEvent += (_, data) => received += FrameBytes(data);
        cdp.Event("Network.webSocketFrameSent").OnEvent += (_, data) => sent += FrameBytes(data);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.setCacheDisabled", new Dictionary<string, object> { ["cacheDisabled"] = true });
        await OpenAsync(page, path, seats);
        await page.WaitForTimeoutAsync(2_000);
        return new FirstLoad(http, requests, received, sent, sizes.OrderByDescending(size => size.Bytes).Take(5).ToList());
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        await _browser.CloseAsync();
        _playwright.Dispose();
    }

    private Task<IBrowserContext> NewContextAsync() => _browser.NewContextAsync(new BrowserNewContextOptions
    {
        BaseURL = _baseAddress.ToString(),
        Locale = "ko-KR",
        TimezoneId = "Asia/Seoul",
        ViewportSize = new ViewportSize { Width = 1280, Height = 900 },
    });

    private static async Task OpenAsync(IPage page, string path, int seats)
    {
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                Console.Error.WriteLine($"browser: {message.Text}");
            }
        };
        await page.GotoAsync(path, new PageGotoOptions { Timeout = 120_000 });
        await page.Locator("main[data-interactive=true]").WaitForAsync(new LocatorWaitForOptions { Timeout = 120_000 });
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll('svg [data-seat-id]').length >= n",
            seats,
            new PageWaitForFunctionOptions { Timeout = 120_000, PollingInterval = 200 });
    }

    /// <summary>A frame's payload in bytes: text as UTF-8, binary frames (opcode 2) arrive base64-encoded.</summary>
    private static long FrameBytes(JsonElement? data)
    {
        if (data is not { } frame)
        {
            return 0;
        }

        var response = frame.GetProperty("response");
        var payload = response.GetProperty("payloadData").GetString() ?? string.Empty;
        return response.GetProperty("opcode").GetInt32() == 2 ? payload.Length / 4 * 3 : System.Text.Encoding.UTF8.GetByteCount(payload);
    }
}
