namespace TicketBlue.Infrastructure.Booking;

/// <summary>Timings of the live seat feed and the hold sweep (section "Booking").</summary>
public sealed class SeatFeedOptions
{
    public const string Section = "Booking";

    /// <summary>How often watched boards are reloaded from the database, healing any lost pub/sub message.</summary>
    public TimeSpan ResyncInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a board nobody watches is kept (the API's availability reads keep it warm).</summary>
    public TimeSpan IdleBoardLifetime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The most hold requests one node writes in one transaction (<see cref="HoldBatcher"/>).</summary>
    public int MaxHoldBatch { get; set; } = 256;

    /// <summary>
    /// Hold requests one node lets wait for a batch; beyond this they are answered "busy" at once
    /// (API 503 <c>hold.busy</c>). About twenty full batches: far more than a 1,000-client rush queues.
    /// </summary>
    public int MaxQueuedHolds { get; set; } = 5_000;

    /// <summary>How often run-out holds are tidied and their seats announced as free again.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);
}
