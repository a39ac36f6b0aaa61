using TicketBlue.Domain.Reservations;

namespace TicketBlue.Infrastructure.Reservations;

/// <summary>
/// Section "Cancellation": the customer's cut-off and the fee scale (see <see cref="RefundPolicy"/>).
/// The defaults are Korean practice: the day before the show at 17:00, free on the booking day,
/// 10% from 9 days before, 20% from 6, 30% from 2.
/// </summary>
public sealed class CancellationOptions
{
    public const string Section = "Cancellation";

    /// <summary>Days before the show's date on which customer cancellation closes (1: the day before).</summary>
    public int CutoffDaysBefore { get; set; } = 1;

    /// <summary>Seoul time of day at which it closes on that day.</summary>
    public TimeOnly CutoffTime { get; set; } = new(17, 0);

    /// <summary>Cancelling on the day of booking costs nothing (until the cut-off).</summary>
    public bool FreeOnBookingDay { get; set; } = true;

    /// <summary>Fee steps: from <c>DaysBefore</c> days before the show, <c>Percent</c>% of what was paid per seat.</summary>
    public List<FeeTierOptions> FeeTiers { get; set; } = [];

    /// <summary>
    /// How long a started cancellation keeps others out before a different request may take it over
    /// (the gateway call of a crashed node never answers). The same seats again may always take over:
    /// the gateway's idempotency key makes that retry safe.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The domain policy; no tiers configured means the Korean default scale.</summary>
    public RefundPolicy ToPolicy() =>
        new(
            CutoffDaysBefore,
            CutoffTime,
            FreeOnBookingDay,
            FeeTiers.Count == 0 ? RefundPolicy.Default.Tiers : FeeTiers.Select(tier => new RefundFeeTier(tier.DaysBefore, tier.Percent)));
}

public sealed class FeeTierOptions
{
    public int DaysBefore { get; set; }

    public int Percent { get; set; }
}
