using System.Globalization;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>
/// Where the dormancy jobs' walk through accounts stands: the last (activity, id) done. Accounts are
/// read in the order of the <c>(IsDormant, LastActiveAt)</c> index, with the id breaking ties, so a
/// chunk reads an index range and a resumed run starts right after the last account it did.
/// </summary>
internal readonly record struct ActivityKeyset(DateTimeOffset LastActiveAt, string UserId)
{
    public static readonly ActivityKeyset Start = new(DateTimeOffset.UnixEpoch, string.Empty);

    public static ActivityKeyset Parse(string? checkpoint)
    {
        if (string.IsNullOrEmpty(checkpoint))
        {
            return Start;
        }

        var separator = checkpoint.IndexOf('|', StringComparison.Ordinal);
        var ticks = long.Parse(checkpoint.AsSpan(0, separator), NumberStyles.None, CultureInfo.InvariantCulture);
        return new ActivityKeyset(new DateTimeOffset(ticks, TimeSpan.Zero), checkpoint[(separator + 1)..]);
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{LastActiveAt.UtcTicks}|{UserId}");
}
