namespace TicketBlue.Domain.Rounds;

/// <summary>
/// Whether customers may buy a round now, and if not, why: derived once by
/// <see cref="Round.SalesStateOf"/> (which <see cref="Round.EnsureOnSale"/> also applies), shown by the
/// seat page and the performance page alike.
/// </summary>
public enum RoundSalesState
{
    /// <summary>Sales are open (and, where seats are counted, some are left).</summary>
    OnSale,

    /// <summary>Sales open later (예매 오픈 예정).</summary>
    NotOpenYet,

    /// <summary>Sales have closed, or the round has begun (예매 마감).</summary>
    Closed,

    /// <summary>The round was cancelled (취소된 회차).</summary>
    Cancelled,

    /// <summary>Sales are open but no seat is available now (매진); only where seats are counted.</summary>
    SoldOut,
}
