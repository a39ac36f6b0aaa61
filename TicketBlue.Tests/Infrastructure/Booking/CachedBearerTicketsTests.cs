using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Web.Api;

namespace TicketBlue.Tests.Infrastructure.Booking;

/// <summary>A bearer token is opened once per node while it is valid; nothing else is remembered.</summary>
[Trait("Category", "Unit")]
public sealed class CachedBearerTicketsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 1, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _clock = new(Now);
    private readonly CountingFormat _inner = new();

    [Fact]
    public void ShouldOpenAValidTokenOnce_AndGiveEveryCallerItsOwnCopy()
    {
        _inner.Tickets["good"] = Ticket("customer-1", Now.AddHours(1));
        using var tickets = new CachedBearerTickets(_inner, _clock);

        var first = tickets.Unprotect("good");
        var second = tickets.Unprotect("good");

        _inner.Opened.ShouldBe(1);
        first!.Principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe("customer-1");
        second!.Principal.FindFirstValue(ClaimTypes.NameIdentifier).ShouldBe("customer-1");
        second.Properties.ExpiresUtc.ShouldBe(Now.AddHours(1));
        second.ShouldNotBeSameAs(first);
        second.Principal.ShouldNotBeSameAs(first.Principal);
    }

    [Fact]
    public void ShouldAskAgainEveryTime_WhenATokenDoesNotOpen()
    {
        using var tickets = new CachedBearerTickets(_inner, _clock);

        tickets.Unprotect("forged").ShouldBeNull();
        tickets.Unprotect("forged").ShouldBeNull();

        _inner.Opened.ShouldBe(2);
    }

    [Fact]
    public void ShouldNotKeepATicket_ThatHasAlreadyExpired()
    {
        _inner.Tickets["old"] = Ticket("customer-1", Now.AddSeconds(-1));
        using var tickets = new CachedBearerTickets(_inner, _clock);

        tickets.Unprotect("old").ShouldNotBeNull();
        tickets.Unprotect("old").ShouldNotBeNull();

        _inner.Opened.ShouldBe(2, "the handler refuses it; it must not be kept either");
    }

    [Fact]
    public void ShouldLeaveOtherPurposesAndProtectingToTheInnerFormat()
    {
        _inner.Tickets["good"] = Ticket("customer-1", Now.AddHours(1));
        using var tickets = new CachedBearerTickets(_inner, _clock);

        tickets.Unprotect("good", "refresh");
        tickets.Unprotect("good", "refresh");
        tickets.Protect(Ticket("customer-2", Now.AddHours(1))).ShouldBe("protected:customer-2");

        _inner.Opened.ShouldBe(2);
    }

    private static AuthenticationTicket Ticket(string userId, DateTimeOffset expires) =>
        new(
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, userId)], "Bearer")),
            new AuthenticationProperties { ExpiresUtc = expires },
            "Identity.Bearer");

    private sealed class CountingFormat : ISecureDataFormat<AuthenticationTicket>
    {
        public Dictionary<string, AuthenticationTicket> Tickets { get; } = [];

        public int Opened { get; private set; }

        public string Protect(AuthenticationTicket data) => Protect(data, null);

        public string Protect(AuthenticationTicket data, string? purpose) => $"protected:{data.Principal.FindFirstValue(ClaimTypes.NameIdentifier)}";

        public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, null);

        public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
        {
            Opened++;
            return protectedText is not null && Tickets.TryGetValue(protectedText, out var ticket) ? ticket : null;
        }
    }
}
