using System.Globalization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Reservations;
using TicketBlue.Infrastructure.Reservations;

namespace TicketBlue.Web.Features.Admin.Reservations;

/// <summary>
/// The search form as an admin fills it and as the URL carries it: Seoul calendar days, both ends
/// inclusive. One format for the page's address and the export link, so "same filters" means the same.
/// </summary>
public sealed record ReservationSearchFilter
{
    public long? PerformanceId { get; init; }

    public long? RoundId { get; init; }

    public string? Customer { get; init; }

    public IReadOnlyList<ReservationStatus> Statuses { get; init; } = [];

    public DateOnly? From { get; init; }

    public DateOnly? To { get; init; }

    public string? PaymentMethod { get; init; }

    public string? CouponCode { get; init; }

    public long? MinTotal { get; init; }

    public long? MaxTotal { get; init; }

    public ReservationSearchCriteria ToCriteria() => new()
    {
        PerformanceId = PerformanceId,
        RoundId = RoundId,
        Customer = Blank(Customer),
        Statuses = Statuses,
        CreatedFrom = From is { } from ? SeoulTime.At(from, TimeOnly.MinValue) : null,
        CreatedBefore = To is { } to ? SeoulTime.At(to.AddDays(1), TimeOnly.MinValue) : null,
        PaymentMethod = Blank(PaymentMethod),
        CouponCode = Blank(CouponCode),
        MinTotal = MinTotal,
        MaxTotal = MaxTotal,
    };

    /// <summary>The filled-in conditions as a query string without the leading '?', in a fixed order.</summary>
    public string ToQueryString()
    {
        var pairs = new List<KeyValuePair<string, string?>>();
        void Add(string key, string? value)
        {
            if (!string.IsNullOrWhiteSpace(value))
            {
                pairs.Add(new(key, value.Trim()));
            }
        }

        Add("performance", PerformanceId?.ToString(CultureInfo.InvariantCulture));
        Add("round", RoundId?.ToString(CultureInfo.InvariantCulture));
        Add("customer", Customer);
        foreach (var status in Statuses.Distinct())
        {
            Add("status", status.ToString());
        }

        Add("from", From?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("to", To?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        Add("method", PaymentMethod);
        Add("coupon", CouponCode);
        Add("min", MinTotal?.ToString(CultureInfo.InvariantCulture));
        Add("max", MaxTotal?.ToString(CultureInfo.InvariantCulture));
        return QueryString.Create(pairs).ToUriComponent().TrimStart('?');
    }

    /// <summary>Reads a query string; values that do not parse are left out rather than refused.</summary>
    public static ReservationSearchFilter Parse(string? queryString) =>
        Parse(QueryHelpers.ParseQuery(queryString));

    public static ReservationSearchFilter Parse(IEnumerable<KeyValuePair<string, StringValues>> query)
    {
        var values = query.ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.OrdinalIgnoreCase);
        string? One(string key) => values.TryGetValue(key, out var value) ? Blank(value.ToString()) : null;
        long? Long(string key) => long.TryParse(One(key), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) ? number : null;
        DateOnly? Day(string key) => DateOnly.TryParseExact(One(key), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day) ? day : null;
        var statuses = values.TryGetValue("status", out var raw)
            ? raw.SelectMany(value => (value ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                .Select(value => Enum.TryParse<ReservationStatus>(value, ignoreCase: true, out var status) && Enum.IsDefined(status) ? status : (ReservationStatus?)null)
                .OfType<ReservationStatus>()
                .Distinct()
                .ToList()
            : [];
        return new ReservationSearchFilter
        {
            PerformanceId = Long("performance"),
            RoundId = Long("round"),
            Customer = One("customer"),
            Statuses = statuses,
            From = Day("from"),
            To = Day("to"),
            PaymentMethod = One("method"),
            CouponCode = One("coupon"),
            MinTotal = Long("min"),
            MaxTotal = Long("max"),
        };
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
