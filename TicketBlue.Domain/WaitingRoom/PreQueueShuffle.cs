using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace TicketBlue.Domain.WaitingRoom;

/// <summary>
/// The order of the pre-queue at the opening, a uniformly random permutation fixed by the seed and
/// the set of queue numbers alone, so anyone can recompute it from what is published:
/// <list type="number">
/// <item>for each queue number n, its key is HMAC-SHA256(key = the seed's 32 bytes, message = n
/// written in ASCII decimal without leading zeros or sign);</item>
/// <item>the numbers are sorted by key, keys compared as unsigned big-endian byte strings
/// (lexicographically), ties (a 2^-256 event) by the smaller number first;</item>
/// <item>the first of the sorted list is first in line.</item>
/// </list>
/// In Python: <c>sorted(numbers, key=lambda n: (hmac.new(seed, str(n).encode(), "sha256").digest(), n))</c>.
/// Without the seed the keys are unpredictable, so neither arriving early nor joining many times
/// says anything about one's place; the order does not depend on the order numbers are listed in.
/// </summary>
public static class PreQueueShuffle
{
    public static IReadOnlyList<long> Order(ShuffleSeed seed, IEnumerable<long> queueNumbers)
    {
        ArgumentNullException.ThrowIfNull(seed);
        ArgumentNullException.ThrowIfNull(queueNumbers);
        using var hmac = new HMACSHA256(seed.Value.ToArray());
        return queueNumbers
            .Distinct()
            .Select(number => (Number: number, Key: hmac.ComputeHash(Encoding.ASCII.GetBytes(number.ToString(CultureInfo.InvariantCulture)))))
            .OrderBy(entry => entry.Key, KeyComparer.Instance)
            .ThenBy(entry => entry.Number)
            .Select(entry => entry.Number)
            .ToList();
    }

    private sealed class KeyComparer : IComparer<byte[]>
    {
        public static readonly KeyComparer Instance = new();

        public int Compare(byte[]? x, byte[]? y) => x.AsSpan().SequenceCompareTo(y);
    }
}
