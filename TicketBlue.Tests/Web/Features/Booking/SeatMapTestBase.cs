using System.Collections.Immutable;
using System.Security.Claims;
using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Rounds;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Booking;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.Features.Booking;
using TicketBlue.Web.RateLimiting;
using TicketBlue.Infrastructure.WaitingRoom;
using TicketBlue.Web.Features.WaitingRoom;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Booking;

/// <summary>
/// The seat-selection page with its services faked: a 20-seat round (sections A and B on floor 1, two
/// rows of five, row 1 R석 110,000원, row 2 S석 80,000원, seat 1 of each row 2 a wheelchair space), a
/// feed whose subscriber the test can call, a hold service and a clock the test moves.
/// Round-seat ids: A row 1 = 1–5, A row 2 = 6–10, B row 1 = 11–15, B row 2 = 16–20.
/// </summary>
public abstract class SeatMapTestBase : ComponentTestBase
{
    public const long RoundId = 42;
    public const string Me = "user-me";
    public const string Someone = "user-someone";

    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);

    private Func<IReadOnlyList<SeatStatus>, Task>? _onChanged;
    private RoundSeatBoard _board = Board();

    protected SeatMapTestBase()
    {
        Services.AddSingleton<TimeProvider>(Clock);
        Services.AddSingleton(Handler);
        Services.AddSingleton(Feed);
        Services.AddSingleton(Holds);
        Services.AddSingleton(_ => new RequestLimiters(Options.Create(LimitOptions), Options.Create(new IdentityOptions())));
        Services.AddSingleton(Confirmations);
        Confirmations.IsConfirmedAsync(Arg.Any<string>(), Arg.Any<CancellationToken>()).Returns(true);
        Services.AddSingleton(WaitingRoom);
        Services.AddScoped<SeatPageAdmission>();
        WaitingRoom.CheckAsync(Arg.Any<long>(), Arg.Any<string?>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(AdmissionCheck.NotRequired);
        WaitingRoom.CheckLiveAsync(Arg.Any<long>(), Arg.Any<string?>(), Arg.Any<CancellationToken>()).Returns(AdmissionCheck.NotRequired);
        Services.AddMemoryCache();
        Services.AddSingleton<SeatMapModels>();
        MapModule = JSInterop.SetupModule("./Features/Booking/SeatMapCanvas.razor.js");
        MapHandle = MapModule.SetupModule("attach", _ => true);
        MapHandle.SetupVoid("update", _ => true).SetVoidResult();
        MapHandle.SetupVoid("dispose", _ => true).SetVoidResult();
        Feed.Subscribe(RoundId, Arg.Do<Func<IReadOnlyList<SeatStatus>, Task>>(callback => _onChanged = callback))
            .Returns(Substitute.For<IDisposable>());
        Feed.GetBoardAsync(RoundId, Arg.Any<CancellationToken>()).Returns(_ => _board);
        Holds.ActiveHoldsAsync(Arg.Any<string>(), Arg.Any<long?>(), Arg.Any<CancellationToken>()).Returns([]);
        UseMap(ticketLimit: 4);
        UseBoard();
    }

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected IGetRoundSeatMapHandler Handler { get; } = Substitute.For<IGetRoundSeatMapHandler>();

    protected IRoundSeatFeed Feed { get; } = Substitute.For<IRoundSeatFeed>();

    protected ISeatHoldService Holds { get; } = Substitute.For<ISeatHoldService>();

    /// <summary>The request limits the page's hold commands count against (the defaults until a test changes them before rendering).</summary>
    protected RateLimitOptions LimitOptions { get; } = new();
    /// <summary>Every signed-in customer has confirmed their e-mail unless a test says otherwise.</summary>
    protected IEmailConfirmations Confirmations { get; } = Substitute.For<IEmailConfirmations>();
    /// <summary>No waiting room unless a test says otherwise.</summary>
    protected IWaitingRoom WaitingRoom { get; } = Substitute.For<IWaitingRoom>();

    protected static RoundSeatLayout Layout { get; } = BuildLayout();

    /// <summary>The map's script as the page imports it.</summary>
    protected BunitJSModuleInterop MapModule { get; }

    /// <summary>The drawn map the script hands back: it receives the seat-state changes.</summary>
    protected BunitJSModuleInterop MapHandle { get; }

    protected void UseMap(int ticketLimit, RoundSalesState state = RoundSalesState.OnSale)
    {
        var round = new RoundBookingInfo(
            RoundId, 7, "테스트 뮤지컬", null, "테스트 아트홀", Now.AddDays(7), ticketLimit, TimeSpan.FromMinutes(10),
            Now.AddDays(-1), Now.AddDays(6), state);
        Handler.HandleAsync(RoundId, Arg.Any<CancellationToken>()).Returns(new RoundSeatMap(round, Layout));
    }

    /// <summary>The board the feed hands out from now on: every seat free but those given.</summary>
    protected void UseBoard(params SeatStatus[] statuses) => _board = Board(statuses);

    protected static RoundSeatBoard Board(params SeatStatus[] statuses)
    {
        var seats = Layout.Seats.ToImmutableDictionary(
            seat => seat.RoundSeatId,
            seat => statuses.Cast<SeatStatus?>().FirstOrDefault(status => status!.Value.RoundSeatId == seat.RoundSeatId)
                    ?? new SeatStatus(seat.RoundSeatId, SeatState.Available, null, null));
        var prices = Layout.Seats.ToDictionary(seat => seat.RoundSeatId, seat => new SeatPrice(seat.Grade, seat.Price));
        return new RoundSeatBoard(RoundId, seats, prices, 0);
    }

    protected static SeatStatus Held(long id, string user, DateTimeOffset until, int version = 1) =>
        new(id, SeatState.Held, user, until) { Version = version };

    protected static SeatStatus Free(long id, int version) => new(id, SeatState.Available, null, null) { Version = version };

    protected void SignIn(string userId = Me) =>
        AddAuthorization().SetAuthorized("minji@example.com").SetClaims(new Claim(ClaimTypes.NameIdentifier, userId));

    protected IRenderedComponent<SeatSelectionPage> RenderPage()
    {
        // A circuit, not prerendering: the page subscribes to the feed only when interactive.
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return Render<SeatSelectionPage>(parameters => parameters.Add(page => page.RoundId, RoundId));
    }

    /// <summary>
    /// What the feed does when anyone anywhere changes seats of the round: it applies the changes to
    /// its board (the newer of each), then tells its viewers. Unlike the feed, it passes an older
    /// change on too, so a test can see that the page ignores one that comes late.
    /// </summary>
    protected Task PublishAsync(params SeatStatus[] changes)
    {
        if (_onChanged is null)
        {
            throw new InvalidOperationException("The page has not subscribed to the feed.");
        }

        _board = _board.With(changes);
        return _onChanged(changes);
    }

    /// <summary>
    /// The seat as the browser draws it, worked out only from what the page sent the browser: the
    /// round's drawing (names, wheelchair spaces, state words) and the state bytes — the whole hall
    /// at attach, then each change — read the way SeatMapCanvas.razor.js reads them.
    /// </summary>
    protected DrawnSeat Seat(IRenderedComponent<SeatSelectionPage> page, long id)
    {
        var model = page.FindComponent<SeatMapCanvas>().Instance.State.Model;
        using var drawing = JsonDocument.Parse(model.Drawing.Json);
        var root = drawing.RootElement;
        var index = root.GetProperty("ids").EnumerateArray().Select(item => item.GetInt64()).ToList().IndexOf(id);
        index.ShouldBeGreaterThanOrEqualTo(0, $"seat {id} is not in the drawing");
        var code = SentCodes()[index];
        var view = code & 7;
        var selected = view == 0 && (code & SeatMapCodes.Selected) != 0;
        var state = selected ? root.GetProperty("selected").GetString() : root.GetProperty("states")[view].GetString();
        string[] classes = ["av", "me", "ot", "so", "bl"];
        return new DrawnSeat(
            $"s {classes[view]}{(selected ? " sel" : string.Empty)}",
            $"{root.GetProperty("labels")[index].GetString()}, {state}",
            selected,
            view != 0,
            root.GetProperty("wheelchair").EnumerateArray().Any(item => item.GetInt32() == index));
    }

    /// <summary>Every "update" the page sent the drawn map, as its raw bytes.</summary>
    protected IReadOnlyList<byte[]> SentUpdates() =>
        MapHandle.Invocations["update"].Select(invocation => (byte[])invocation.Arguments[0]!).ToList();

    private byte[] SentCodes()
    {
        var attach = MapModule.Invocations["attach"].ShouldHaveSingleItem();
        var codes = ((byte[])attach.Arguments[3]!).ToArray();
        foreach (var changes in SentUpdates())
        {
            for (var at = 0; at + 3 < changes.Length; at += SeatMapCodes.ChangeSize)
            {
                codes[changes[at] | (changes[at + 1] << 8) | (changes[at + 2] << 16)] = changes[at + 3];
            }
        }

        return codes;
    }

    /// <summary>A click, tap, Enter or Space on a seat: what the map's script reports.</summary>
    protected static Task ActivateAsync(IRenderedComponent<SeatSelectionPage> page, long id)
    {
        var canvas = page.FindComponent<SeatMapCanvas>();
        return canvas.InvokeAsync(() => canvas.Instance.ActivateSeatAsync(id));
    }

    /// <summary>A seat on the drawn map: its CSS class ("s av sel"), its accessible name and state.</summary>
    protected sealed record DrawnSeat(string ClassName, string Label, bool Checked, bool Disabled, bool Wheelchair);

    private static RoundSeatLayout BuildLayout()
    {
        var sections = new[] { new RoundSeatSection(100, "A", 1), new RoundSeatSection(200, "B", 1) };
        var seats = new List<RoundSeatMapSeat>();
        var id = 1L;
        foreach (var section in sections)
        {
            for (var row = 1; row <= 2; row++)
            {
                for (var number = 1; number <= 5; number++)
                {
                    var x = (section.Name == "A" ? 40 : 220) + (number * 20);
                    var grade = row == 1 ? "R" : "S";
                    var rowName = row.ToString(System.Globalization.CultureInfo.InvariantCulture);
                    seats.Add(new RoundSeatMapSeat(
                        id, 1000 + id, section.Id, section.Name, 1, rowName, number, x, 80 + (row * 30), grade,
                        row == 1 ? 110_000 : 80_000, row == 2 && number == 1, SeatLabel.Format(1, section.Name, rowName, number)));
                    id++;
                }
            }
        }

        return new RoundSeatLayout(400, 300, new StageArea(100, 10, 200, 40), sections, seats,
            [new RoundGradePrice("R", 110_000, 10), new RoundGradePrice("S", 80_000, 10)]);
    }
}
