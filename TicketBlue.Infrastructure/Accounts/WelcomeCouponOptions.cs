namespace TicketBlue.Infrastructure.Accounts;

/// <summary><c>Accounts:WelcomeCoupon:*</c>: the coupon a customer gets once, when the e-mail address is confirmed.</summary>
public sealed class WelcomeCouponOptions
{
    public const string Section = "Accounts:WelcomeCoupon";

    /// <summary>False issues none (existing claims stay).</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The coupon's name on "내 쿠폰" and the order sheet.</summary>
    public string Name { get; set; } = "신규 가입 축하 쿠폰";

    /// <summary>Won off an order (default 5,000원).</summary>
    public long Amount { get; set; } = 5_000;

    /// <summary>How long the coupon can be used from the confirmation (default 30 days).</summary>
    public TimeSpan ValidFor { get; set; } = TimeSpan.FromDays(30);

    public bool IsValid() =>
        !string.IsNullOrWhiteSpace(Name) && Name.Length <= 100
        && Amount is >= 1 and <= 1_000_000
        && ValidFor >= TimeSpan.FromDays(1) && ValidFor <= TimeSpan.FromDays(365);
}
