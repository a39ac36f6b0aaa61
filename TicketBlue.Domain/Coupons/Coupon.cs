using System.Linq.Expressions;
using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Coupons;

public enum DiscountType
{
    /// <summary>A fixed number of won off the order (정액 할인).</summary>
    FixedAmount,

    /// <summary>A percentage off the order, optionally capped (정률 할인).</summary>
    Percentage,
}

/// <summary>
/// A discount customers can apply at checkout. Usage is counted on the coupon (total quantity) and
/// in <see cref="CouponRedemption"/> rows (per customer); both limits are enforced by conditional
/// updates under concurrency, and the rules for when a coupon applies live here.
/// </summary>
public sealed class Coupon : Entity<long>
{
    private readonly List<CouponPerformance> _performances = [];

    private Coupon()
    {
        Code = string.Empty;
        Name = string.Empty;
        Validity = new TimeWindow(DateTimeOffset.MinValue, DateTimeOffset.MinValue.AddTicks(1));
    }

    public string Code { get; private set; }

    public string Name { get; private set; }

    public DiscountType DiscountType { get; private set; }

    /// <summary>Won for <see cref="DiscountType.FixedAmount"/>, percent (1–100) for <see cref="DiscountType.Percentage"/>.</summary>
    public long DiscountValue { get; private set; }

    public Money? MaxDiscount { get; private set; }

    public Money MinimumOrder { get; private set; }

    public int TotalQuantity { get; private set; }

    public int UsedQuantity { get; private set; }

    public int PerCustomerLimit { get; private set; }

    public TimeWindow Validity { get; private set; }

    public bool IsActive { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int Version { get; private set; }

    /// <summary>
    /// The one customer this coupon was issued to (a welcome coupon), or null for a coupon every
    /// customer may use. Nobody else sees or applies a personal coupon.
    /// </summary>
    public string? IssuedTo { get; private set; }

    /// <summary>The coupons <paramref name="userId"/> may see and apply: everyone's, and the ones issued to them.</summary>
    public static Expression<Func<Coupon, bool>> OfferedTo(string userId) =>
        coupon => coupon.IssuedTo == null || coupon.IssuedTo == userId;

    /// <summary>If not empty, the coupon applies only to these performances.</summary>
    public IReadOnlyCollection<CouponPerformance> Performances => _performances.AsReadOnly();

    public int RemainingQuantity => TotalQuantity - UsedQuantity;

    public static Coupon Create(
        string code,
        string name,
        DiscountType type,
        long value,
        Money? maxDiscount,
        Money minimumOrder,
        int totalQuantity,
        int perCustomerLimit,
        TimeWindow validity,
        IEnumerable<long> performanceIds,
        DateTimeOffset now)
    {
        var coupon = new Coupon { CreatedAt = now, IsActive = true };
        coupon.Update(code, name, type, value, maxDiscount, minimumOrder, totalQuantity, perCustomerLimit, validity, performanceIds);
        return coupon;
    }

    /// <summary>
    /// A fixed-amount coupon for one customer only, usable once from <paramref name="now"/> for
    /// <paramref name="validFor"/> (the welcome coupon, 신규 가입 쿠폰).
    /// </summary>
    public static Coupon IssuePersonal(string code, string name, Money amount, TimeSpan validFor, string userId, DateTimeOffset now)
    {
        if (validFor <= TimeSpan.Zero)
        {
            throw new DomainException("coupon.validity", "쿠폰 사용 기간이 올바르지 않습니다.");
        }

        var coupon = Create(code, name, DiscountType.FixedAmount, amount.Won, null, Money.Zero, 1, 1, new TimeWindow(now, now + validFor), [], now);
        coupon.IssuedTo = Guard.NotBlank(userId, "coupon.issued_to", "쿠폰을 받을 회원이 없습니다.", 450);
        return coupon;
    }

    public void Update(
        string code,
        string name,
        DiscountType type,
        long value,
        Money? maxDiscount,
        Money minimumOrder,
        int totalQuantity,
        int perCustomerLimit,
        TimeWindow validity,
        IEnumerable<long> performanceIds)
    {
        var normalisedCode = Guard.NotBlank(code, "coupon.code", "쿠폰 코드를 입력해 주세요.", 40).ToUpperInvariant();
        if (!normalisedCode.All(ch => char.IsAsciiLetterOrDigit(ch) || ch is '-' or '_'))
        {
            throw new DomainException("coupon.code", "쿠폰 코드는 영문, 숫자, '-', '_'만 쓸 수 있습니다.") { Variant = "format" };
        }

        switch (type)
        {
            case DiscountType.FixedAmount when value <= 0:
                throw new DomainException("coupon.value", "할인 금액은 0원보다 커야 합니다.");
            case DiscountType.Percentage when value is < 1 or > 100:
                throw new DomainException("coupon.value", "할인율은 1%에서 100% 사이여야 합니다.") { Variant = "percent" };
            case DiscountType.FixedAmount or DiscountType.Percentage:
                break;
            default:
                throw new DomainException("coupon.type", "할인 방식이 올바르지 않습니다.");
        }

        if (totalQuantity < UsedQuantity || totalQuantity < 1)
        {
            throw new DomainException("coupon.quantity", $"총 수량은 1장 이상, 이미 사용된 {UsedQuantity}장 이상이어야 합니다.", UsedQuantity);
        }

        if (perCustomerLimit < 1)
        {
            throw new DomainException("coupon.per_customer", "1인당 사용 횟수는 1회 이상이어야 합니다.");
        }

        Code = normalisedCode;
        Name = Guard.NotBlank(name, "coupon.name", "쿠폰 이름을 입력해 주세요.", 100);
        DiscountType = type;
        DiscountValue = value;
        MaxDiscount = type == DiscountType.Percentage ? maxDiscount : null;
        MinimumOrder = minimumOrder;
        TotalQuantity = totalQuantity;
        PerCustomerLimit = perCustomerLimit;
        Validity = validity;
        _performances.Clear();
        _performances.AddRange(performanceIds.Distinct().Select(id => new CouponPerformance(id)));
    }

    /// <summary>
    /// The discount this coupon gives on an order, never more than the order itself. Percentages
    /// are truncated to whole won, as Korean card receipts are.
    /// </summary>
    public Money CalculateDiscount(Money orderAmount)
    {
        var raw = DiscountType switch
        {
            DiscountType.FixedAmount => Money.FromWon(DiscountValue),
            DiscountType.Percentage => Money.FromWon(orderAmount.Won * DiscountValue / 100),
            _ => Money.Zero,
        };

        if (MaxDiscount is { } cap)
        {
            raw = Money.Min(raw, cap);
        }

        return Money.Min(raw, orderAmount);
    }

    /// <summary>Throws the reason this coupon cannot be used on this order, or returns quietly.</summary>
    public void EnsureApplicable(long performanceId, Money orderAmount, int usedByCustomer, DateTimeOffset now)
    {
        if (!IsActive)
        {
            throw new DomainException("coupon.inactive", "사용할 수 없는 쿠폰입니다.");
        }

        if (!Validity.Contains(now))
        {
            throw new DomainException("coupon.expired", "사용 기간이 아닌 쿠폰입니다.");
        }

        if (_performances.Count > 0 && _performances.All(item => item.PerformanceId != performanceId))
        {
            throw new DomainException("coupon.performance", "이 공연에는 쓸 수 없는 쿠폰입니다.");
        }

        if (orderAmount < MinimumOrder)
        {
            throw new DomainException("coupon.minimum_order", $"{MinimumOrder} 이상 주문 시 쓸 수 있는 쿠폰입니다.", MinimumOrder.Won);
        }

        if (UsedQuantity >= TotalQuantity)
        {
            throw new DomainException("coupon.sold_out", "쿠폰이 모두 소진되었습니다.");
        }

        if (usedByCustomer >= PerCustomerLimit)
        {
            throw new DomainException("coupon.per_customer", $"이 쿠폰은 1인당 {PerCustomerLimit}회까지 쓸 수 있습니다.", PerCustomerLimit) { Variant = "reached" };
        }
    }

    /// <summary>
    /// Takes one use. Checkout applies this same rule as one conditional UPDATE on the row
    /// (Infrastructure/Checkout/CouponUseChanges), which stays exact with many customers racing.
    /// </summary>
    public void Redeem()
    {
        if (UsedQuantity >= TotalQuantity)
        {
            throw new DomainException("coupon.sold_out", "쿠폰이 모두 소진되었습니다.");
        }

        UsedQuantity++;
    }

    /// <summary>Gives one use back (a cancelled reservation or an abandoned checkout).</summary>
    public void Restore()
    {
        if (UsedQuantity == 0)
        {
            throw new DomainException("coupon.restore", "되돌릴 쿠폰 사용 내역이 없습니다.");
        }

        UsedQuantity--;
    }

    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}

public sealed class CouponPerformance
{
    private CouponPerformance()
    {
    }

    internal CouponPerformance(long performanceId) => PerformanceId = performanceId;

    public long CouponId { get; private set; }

    public long PerformanceId { get; private set; }
}
