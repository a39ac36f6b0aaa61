using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;

namespace TicketBlue.Domain.Performances;

/// <summary>The price of one seat grade for a performance (e.g. R석 140,000원).</summary>
public sealed class GradePrice : Entity<long>
{
    private GradePrice()
    {
        Grade = SeatGrade.From("A");
    }

    internal GradePrice(SeatGrade grade, Money price)
    {
        Grade = grade;
        Price = price;
    }

    public long PerformanceId { get; private set; }

    public SeatGrade Grade { get; private set; }

    public Money Price { get; private set; }
}
