namespace TicketBlue.Infrastructure.Checkout;

/// <summary><c>Jobs:UnpaidOrders</c>: the 미결제 주문 정리 job.</summary>
public sealed class UnpaidOrdersJobOptions
{
    public const string Section = "Jobs:UnpaidOrders";

    /// <summary>Orders read per chunk (each is still ended in its own transaction).</summary>
    public int ChunkSize { get; set; } = 200;
}
