using System.Globalization;
using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using NSubstitute;
using Shouldly;
using TicketBlue.Domain.Payments;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Web.Features.Reservations;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Reservations;

[Trait("Category", "Component")]
public sealed class CancelReservationDialogTests : ComponentTestBase
{
    private static readonly DateTimeOffset CutOff = ReservationSamples.RoundStartsAt.AddDays(-1); // 12.01 → 11.30 19:30 Seoul

    private readonly IReservationCancellationService _cancellations = Substitute.For<IReservationCancellationService>();

    public CancelReservationDialogTests()
    {
        Services.AddSingleton(_cancellations);
    }

    [Fact]
    public async Task ShouldShowTheQuoteBeforeConfirming_AndCancelOnlyTheChosenSeats()
    {
        _cancellations.QuoteAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<CancellationToken>())
            .Returns(Quote(allowed: true, new RefundLine(12, "1층 A구역 1열 2번", "R", 105_000, 10_500, 94_500)));
        _cancellations.CancelAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<IReadOnlyCollection<long>?>(), "일정 변경", Arg.Any<CancellationToken>())
            .Returns(CancellationResult.Success(new CancellationOutcome(ReservationSamples.Id, [12], 94_500, false)));
        var (provider, result) = await OpenAsync();

        // Both unused seats are chosen to begin with; the admitted one is not offered.
        var seats = provider.FindAll("input[type=checkbox][data-testid=cancel-seat]");
        seats.Count.ShouldBe(2);
        provider.Find("[data-testid=cancel-confirm]").HasAttribute("disabled").ShouldBeTrue();

        await provider.FindAll("input[type=checkbox][data-testid=cancel-seat]")[0].ChangeAsync(new() { Value = false });
        await provider.Find("textarea[data-testid=cancel-reason]").InputAsync(new() { Value = "일정 변경" });
        provider.Find("[data-testid=cancel-confirm]").HasAttribute("disabled").ShouldBeTrue();
        await provider.Find("[data-testid=cancel-quote]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find("[data-testid=refund-quote]"));
        await _cancellations.Received(1).QuoteAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Is<IReadOnlyCollection<long>?>(ids => ids != null && ids.SequenceEqual(new long[] { 12 })), Arg.Any<CancellationToken>());
        await _cancellations.DidNotReceiveWithAnyArgs().CancelAsync(default!, default, default, default!, Xunit.TestContext.Current.CancellationToken);
        provider.FindAll("[data-testid=quote-line]").Single().TextContent.ShouldContain("1층 A구역 1열 2번");
        provider.Find("[data-testid=quote-fee]").TextContent.ShouldBe("10,500원");
        provider.Find("[data-testid=quote-refund]").TextContent.ShouldBe("94,500원");
        provider.Find("[data-testid=quote-rule]").TextContent.ShouldBe("수수료 기준: 관람일 9~1일 전 취소: 티켓 금액의 10%");
        provider.Find("[data-testid=quote-cutoff]").TextContent.ShouldBe("취소 마감: 2026.11.30 (월) 19:30");

        await provider.Find("[data-testid=cancel-confirm]").ClickAsync(new());

        await _cancellations.Received(1).CancelAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Is<IReadOnlyCollection<long>?>(ids => ids != null && ids.SequenceEqual(new long[] { 12 })), "일정 변경", Arg.Any<CancellationToken>());
        var closed = await result;
        closed!.Canceled.ShouldBeFalse();
        closed.Data.ShouldBeOfType<CancellationOutcome>().Refunded.ShouldBe(94_500);
    }

    [Fact]
    public async Task ShouldDropTheQuote_WhenTheChosenSeatsChangeAfterIt()
    {
        _cancellations.QuoteAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<CancellationToken>())
            .Returns(Quote(allowed: true, new RefundLine(11, "1층 A구역 1열 1번", "R", 105_000, 0, 105_000)));
        var (provider, _) = await OpenAsync();
        await provider.Find("textarea[data-testid=cancel-reason]").InputAsync(new() { Value = "일정 변경" });
        await provider.Find("[data-testid=cancel-quote]").ClickAsync(new());
        provider.WaitForAssertion(() => provider.Find("[data-testid=cancel-confirm]").HasAttribute("disabled").ShouldBeFalse());

        await provider.FindAll("input[type=checkbox][data-testid=cancel-seat]")[1].ChangeAsync(new() { Value = false });

        provider.FindAll("[data-testid=refund-quote]").ShouldBeEmpty();
        provider.Find("[data-testid=cancel-confirm]").HasAttribute("disabled").ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldAskForTheWholeReservation_AndShowTheRefusalInKorean_WhenPastTheCutOff()
    {
        _cancellations.QuoteAsync(ReservationSamples.Owner, ReservationSamples.Id, null, Arg.Any<CancellationToken>())
            .Returns(Quote(allowed: false) with { Refusal = new ErrorText("cancel.past_cutoff", CutOff) });
        var sample = ReservationSamples.Confirmed();
        // Every active seat unused: choosing them all is the whole reservation (null in the contract).
        var whole = sample with { Seats = sample.Seats.Select(seat => seat with { CheckedInAt = null }).ToList() };
        var (provider, _) = await OpenAsync(whole);
        await provider.Find("textarea[data-testid=cancel-reason]").InputAsync(new() { Value = "일정 변경" });

        await provider.Find("[data-testid=cancel-quote]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find("[data-testid=quote-refused]").TextContent.Trim().ShouldBe($"취소 가능 시간({CutOff:M월 d일 HH:mm})이 지나 취소할 수 없습니다. 고객센터로 문의해 주세요."));
        provider.Find("[data-testid=cancel-confirm]").HasAttribute("disabled").ShouldBeTrue();
        await _cancellations.Received(1).QuoteAsync(ReservationSamples.Owner, ReservationSamples.Id, null, Arg.Any<CancellationToken>());
    }

    [Fact]
    public async Task ShouldShowTheRefusalInEnglish_GivenAnEnglishReader()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        _cancellations.QuoteAsync(ReservationSamples.Owner, ReservationSamples.Id, null, Arg.Any<CancellationToken>())
            .Returns(Quote(allowed: false) with { Refusal = new ErrorText("cancel.past_cutoff", CutOff) });
        var sample = ReservationSamples.Confirmed();
        var whole = sample with { Seats = sample.Seats.Select(seat => seat with { CheckedInAt = null }).ToList() };
        var (provider, _) = await OpenAsync(whole);
        await provider.Find("textarea[data-testid=cancel-reason]").InputAsync(new() { Value = "Plans changed" });

        await provider.Find("[data-testid=cancel-quote]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find("[data-testid=quote-refused]").TextContent.Trim()
            .ShouldBe($"Cancellation closed on {CutOff.ToString("MMM d, HH:mm", CultureInfo.GetCultureInfo("en"))} (Seoul time). Please contact customer service."));
    }

    [Fact]
    public async Task ShouldKeepTheDialogOpenWithTheKoreanReason_WhenTheCancellationFails()
    {
        _cancellations.QuoteAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<CancellationToken>())
            .Returns(Quote(allowed: true, new RefundLine(11, "1층 A구역 1열 1번", "R", 105_000, 0, 105_000)));
        _cancellations.CancelAsync(ReservationSamples.Owner, ReservationSamples.Id, Arg.Any<IReadOnlyCollection<long>?>(), Arg.Any<string>(), Arg.Any<CancellationToken>())
            .Returns(CancellationResult.Failed(new ErrorText("cancel.refund_refused", PaymentFailureTexts.Error("REJECT_CARD_COMPANY", GatewayFailureKind.Rejected))));
        var (provider, result) = await OpenAsync();
        await provider.Find("textarea[data-testid=cancel-reason]").InputAsync(new() { Value = "일정 변경" });
        await provider.Find("[data-testid=cancel-quote]").ClickAsync(new());
        provider.WaitForAssertion(() => provider.Find("[data-testid=cancel-confirm]").HasAttribute("disabled").ShouldBeFalse());

        await provider.Find("[data-testid=cancel-confirm]").ClickAsync(new());

        provider.WaitForAssertion(() => provider.Find("[data-testid=cancel-failure]").TextContent.Trim().ShouldBe("환불이 처리되지 않아 예매를 취소하지 못했습니다. (카드사에서 결제를 승인하지 않았습니다. 카드사에 문의하거나 다른 카드로 결제해 주세요.)"));
        result.IsCompleted.ShouldBeFalse();
    }

    private static RefundQuote Quote(bool allowed, params RefundLine[] lines) => new(
        ReservationSamples.Id,
        lines,
        lines.Sum(line => line.Paid),
        lines.Sum(line => line.Fee),
        lines.Sum(line => line.Refund),
        RefundFee.Tier(10, 9, 1),
        CutOff,
        WholeReservation: false,
        allowed,
        null);

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, Task<DialogResult?> Result)> OpenAsync(TicketBlue.Web.Features.Reservations.ReservationDetail? reservation = null)
    {
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        var parameters = new DialogParameters<CancelReservationDialog>
        {
            { dialog => dialog.Reservation, reservation ?? ReservationSamples.Confirmed() },
            { dialog => dialog.UserId, ReservationSamples.Owner },
        };
        IDialogReference? reference = null;
        await provider.InvokeAsync(async () => reference = await dialogs.ShowAsync<CancelReservationDialog>("예매 취소", parameters));
        return (provider, reference!.Result);
    }
}
