using TicketBlue.Domain.Common;
using TicketBlue.Domain.Coupons;
using TicketBlue.Domain.Reservations;

namespace TicketBlue.Domain.Checkout;

/// <summary>A coupon the customer might use, with how many of its uses the customer already has (not given back).</summary>
public sealed record CouponCandidate(Coupon Coupon, int UsedByCustomer);

/// <summary>The price of one order: the seats' subtotal, the applied coupon's discount and what is left to pay.</summary>
public sealed record OrderPrice(long? CouponId, Money Subtotal, Money Discount)
{
    public Money Total => Subtotal - Discount;
}

/// <summary>
/// What an order made of held seats costs, and what each of the customer's coupons would do to it
/// (주문서 금액). The coupon rules are <see cref="Coupon.EnsureApplicable"/> and
/// <see cref="Coupon.CalculateDiscount"/>, applied to the seats' subtotal; the discount is spread over
/// the seats later by <see cref="Reservation.CreateFromHold"/>.
/// </summary>
public sealed class CheckoutPricing
{
    /// <summary>Coupons outside their validity window or switched off are not offered at all, not even greyed out.</summary>
    private static readonly HashSet<string> NotOffered = new(StringComparer.Ordinal) { "coupon.inactive", "coupon.expired" };

    private readonly IReadOnlyList<CouponOffer> _evaluated;

    private CheckoutPricing(Money subtotal, IReadOnlyList<CouponOffer> evaluated)
    {
        Subtotal = subtotal;
        _evaluated = evaluated;
        Offers = evaluated
            .Where(offer => offer.Refusal is null || !NotOffered.Contains(offer.Refusal.Code))
            .OrderByDescending(offer => offer.Applicable)
            .ThenByDescending(offer => offer.Discount)
            .ThenBy(offer => offer.Coupon.Code, StringComparer.Ordinal)
            .ToList();
    }

    public Money Subtotal { get; }

    /// <summary>The coupons to show: usable ones first (largest discount first), then the others with their reason.</summary>
    public IReadOnlyList<CouponOffer> Offers { get; }

    public static CheckoutPricing For(long performanceId, IReadOnlyList<ReservedSeatLine> seats, IEnumerable<CouponCandidate> candidates, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(seats);
        ArgumentNullException.ThrowIfNull(candidates);
        if (seats.Count == 0)
        {
            throw new DomainException("checkout.empty", "주문할 좌석이 없습니다.");
        }

        var subtotal = seats.Aggregate(Money.Zero, (sum, seat) => sum + seat.Price);
        var evaluated = candidates.Select(candidate => Evaluate(candidate, performanceId, subtotal, now)).ToList();
        return new CheckoutPricing(subtotal, evaluated);
    }

    /// <summary>For the order page: the chosen coupon when it applies, otherwise the price without a coupon.</summary>
    public OrderPrice Preview(long? couponId) =>
        _evaluated.FirstOrDefault(offer => offer.Coupon.Id == couponId && offer.Applicable) is { } offer
            ? new OrderPrice(offer.Coupon.Id, Subtotal, offer.Discount)
            : new OrderPrice(null, Subtotal, Money.Zero);

    /// <summary>For placing the order: the chosen coupon must apply, or its reason is thrown.</summary>
    public OrderPrice Apply(long? couponId)
    {
        if (couponId is null)
        {
            return new OrderPrice(null, Subtotal, Money.Zero);
        }

        var offer = _evaluated.FirstOrDefault(candidate => candidate.Coupon.Id == couponId)
            ?? throw new DomainException("coupon.not_found", "사용할 수 없는 쿠폰입니다.");
        if (offer.Refusal is { } refusal)
        {
            throw refusal;
        }

        return new OrderPrice(offer.Coupon.Id, Subtotal, offer.Discount);
    }

    private static CouponOffer Evaluate(CouponCandidate candidate, long performanceId, Money subtotal, DateTimeOffset now)
    {
        try
        {
            candidate.Coupon.EnsureApplicable(performanceId, subtotal, candidate.UsedByCustomer, now);
            return new CouponOffer(candidate.Coupon, candidate.Coupon.CalculateDiscount(subtotal), null);
        }
        catch (DomainException refusal)
        {
            return new CouponOffer(candidate.Coupon, Money.Zero, refusal);
        }
    }
}
