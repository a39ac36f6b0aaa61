using System.Net;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>Which addresses count as one client: IPv4 whole, IPv6 per /64, IPv4-mapped IPv6 as the IPv4 address.</summary>
[Trait("Category", "Unit")]
public sealed class ClientNetworkTests
{
    [Theory]
    [InlineData("211.234.5.6", "211.234.5.6")]
    [InlineData("::ffff:211.234.5.6", "211.234.5.6")]
    [InlineData("2001:db8:1234:5678:aaaa:bbbb:cccc:dddd", "2001:db8:1234:5678::/64")]
    [InlineData("2001:db8:1234:5678::1", "2001:db8:1234:5678::/64")]
    [InlineData("::1", "::/64")]
    public void ShouldCountAddressesOfOneClientTogether(string address, string key) =>
        ClientNetwork.KeyOf(IPAddress.Parse(address)).ShouldBe(key);

    [Fact]
    public void ShouldTellNeighbouringIPv6NetworksApart() =>
        ClientNetwork.KeyOf(IPAddress.Parse("2001:db8:1234:5679::1")).ShouldNotBe(ClientNetwork.KeyOf(IPAddress.Parse("2001:db8:1234:5678::1")));

    [Fact]
    public void ShouldCountAnUnknownAddressAsOne() => ClientNetwork.KeyOf(null).ShouldBe(ClientNetwork.Unknown);
}
