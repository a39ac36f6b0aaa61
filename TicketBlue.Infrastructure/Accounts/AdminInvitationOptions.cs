using System.Security.Cryptography;
using System.Text;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// The invitation code an admin sign-up must present. With no code configured, admin sign-up is
/// closed. The code is compared in constant time so its characters cannot be guessed by timing.
/// </summary>
public sealed class AdminInvitationOptions
{
    public const string Section = "AdminInvitation";

    public string? Code { get; set; }

    public bool IsOpen => !string.IsNullOrWhiteSpace(Code) && Code.Length >= 16;

    public bool Accepts(string? presented)
    {
        if (!IsOpen || string.IsNullOrEmpty(presented))
        {
            return false;
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(Code!));
        var actual = SHA256.HashData(Encoding.UTF8.GetBytes(presented.Trim()));
        return CryptographicOperations.FixedTimeEquals(expected, actual);
    }
}
