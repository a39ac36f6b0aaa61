using System.Net;
using System.Net.Sockets;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// The part of a client's address that counts as one client for limits and the sign-in throttle: an
/// IPv4 address whole, an IPv6 address by its /64 network. A home line or a phone gets a whole /64
/// and may use any address in it (privacy addresses change daily), so counting IPv6 addresses one by
/// one would let a script pick a fresh one per request and would forget the owner's known address.
/// </summary>
public static class ClientNetwork
{
    public const string Unknown = "unknown";

    public static string KeyOf(IPAddress? address)
    {
        if (address is null)
        {
            return Unknown;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4().ToString();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return $"{new IPAddress(bytes)}/64";
    }
}
