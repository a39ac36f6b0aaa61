using System.Security.Cryptography;
using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Reservations;

/// <summary>
/// The number printed on a ticket and read out to a call centre: "TB" + Seoul date + 8 characters
/// from an alphabet without look-alikes (no 0/O, 1/I/L). Random, so it reveals no sales volume.
/// </summary>
public static class ReservationNumber
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string New(DateTimeOffset now)
    {
        Span<char> suffix = stackalloc char[8];
        for (var i = 0; i < suffix.Length; i++)
        {
            suffix[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return $"TB{SeoulTime.ToSeoul(now):yyMMdd}{suffix}";
    }
}
