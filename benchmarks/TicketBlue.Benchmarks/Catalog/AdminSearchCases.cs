namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// One back-office reservation search with three conditions, in terms the admin search's input record
/// has (statuses, creation window, payment method, customer box, performance, minimum total).
/// </summary>
public sealed record AdminSearchCase(
    string Description,
    string[] Statuses,
    DateTimeOffset? CreatedFrom = null,
    DateTimeOffset? CreatedBefore = null,
    string? PaymentMethod = null,
    string? Customer = null,
    long? PerformanceId = null,
    long? MinTotal = null);

/// <summary>The fixed cases, anchored on the generated catalogue's "now" and its most booked performance.</summary>
public static class AdminSearchCases
{
    public static IReadOnlyList<AdminSearchCase> For(DateTimeOffset anchor, long popularPerformanceId, string customerEmailPrefix) =>
    [
        new("confirmed, last 30 days, 간편결제", ["Confirmed"], anchor.AddDays(-30), anchor, PaymentMethod: "간편결제"),
        new("cancelled, last 90 days, customer name 김", ["Cancelled"], anchor.AddDays(-90), anchor, Customer: "김"),
        new("most booked performance, confirmed, 카드", ["Confirmed"], PaymentMethod: "카드", PerformanceId: popularPerformanceId),
        new("customer e-mail prefix, confirmed, last year", ["Confirmed"], anchor.AddYears(-1), anchor, Customer: customerEmailPrefix),
        new("expired, last 7 days, total ≥ 100,000원", ["Expired"], anchor.AddDays(-7), anchor, MinTotal: 100_000),
        new("confirmed or cancelled, one month a year ago, 가상계좌", ["Confirmed", "Cancelled"], anchor.AddMonths(-13), anchor.AddMonths(-12), PaymentMethod: "가상계좌"),
    ];
}
