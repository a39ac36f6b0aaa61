using System.Globalization;

namespace TicketBlue.Domain.Common;

/// <summary>
/// An amount of Korean won. The won has no minor unit in practice, so amounts are whole numbers,
/// and an amount is never negative: a refund is a positive amount going the other way.
/// </summary>
public readonly record struct Money : IComparable<Money>
{
    public static readonly Money Zero = new(0);

    private Money(long won) => Won = won;

    public long Won { get; }

    public static Money FromWon(long won)
    {
        if (won < 0)
        {
            throw new DomainException("money.negative", "금액은 0원 이상이어야 합니다.");
        }

        return new Money(won);
    }

    public static Money operator +(Money left, Money right) => new(checked(left.Won + right.Won));

    /// <summary>Subtracts and never goes below zero (a discount cannot make an order pay the customer).</summary>
    public Money MinusFloorZero(Money other) => new(Math.Max(0, Won - other.Won));

    public static Money operator -(Money left, Money right) => FromWon(left.Won - right.Won);

    public static Money operator *(Money left, int quantity)
    {
        if (quantity < 0)
        {
            throw new DomainException("money.negative", "수량은 0 이상이어야 합니다.") { Variant = "quantity" };
        }

        return new Money(checked(left.Won * quantity));
    }

    public static bool operator <(Money left, Money right) => left.Won < right.Won;

    public static bool operator >(Money left, Money right) => left.Won > right.Won;

    public static bool operator <=(Money left, Money right) => left.Won <= right.Won;

    public static bool operator >=(Money left, Money right) => left.Won >= right.Won;

    public static Money Min(Money left, Money right) => left <= right ? left : right;

    public int CompareTo(Money other) => Won.CompareTo(other.Won);

    public Money Add(Money other) => this + other;

    public Money Subtract(Money other) => this - other;

    public Money Multiply(int quantity) => this * quantity;

    /// <summary>"110,000원", the way Korean ticket sites print prices.</summary>
    public override string ToString() => Won.ToString("#,0", CultureInfo.InvariantCulture) + "원";
}
