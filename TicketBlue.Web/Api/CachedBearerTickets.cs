using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Caching.Memory;

namespace TicketBlue.Web.Api;

/// <summary>
/// Remembers, per node, the tickets inside bearer tokens it has already opened. An API client sends
/// the same token with every call, and opening it (Data Protection: key derivation, HMAC, AES) on
/// every call was 3–5 % of the app's CPU in the on-sale rush profile. Only tokens that opened
/// are kept, each until its own expiry and at most <see cref="MaxTokens"/> of them; every caller
/// gets its own copy of the ticket, and the bearer handler still checks the expiry on each call.
/// Identity's bearer tokens cannot be revoked before they expire, so keeping them opens nothing new.
/// </summary>
public sealed class CachedBearerTickets(ISecureDataFormat<AuthenticationTicket> inner, TimeProvider clock) : ISecureDataFormat<AuthenticationTicket>, IDisposable
{
    public const int MaxTokens = 100_000;

    private readonly MemoryCache _opened = new(new MemoryCacheOptions { SizeLimit = MaxTokens });

    public ISecureDataFormat<AuthenticationTicket> Inner => inner;

    public string Protect(AuthenticationTicket data) => inner.Protect(data);

    public string Protect(AuthenticationTicket data, string? purpose) => inner.Protect(data, purpose);

    public AuthenticationTicket? Unprotect(string? protectedText) => Unprotect(protectedText, purpose: null);

    public AuthenticationTicket? Unprotect(string? protectedText, string? purpose)
    {
        if (protectedText is null || purpose is not null)
        {
            return inner.Unprotect(protectedText, purpose);
        }

        if (_opened.TryGetValue(protectedText, out AuthenticationTicket? known) && known is not null)
        {
            return known.Clone();
        }

        var ticket = inner.Unprotect(protectedText);
        if (ticket?.Properties.ExpiresUtc is { } expires && expires - clock.GetUtcNow() is { Ticks: > 0 } left)
        {
            // Relative: the cache keeps the system's time, the handler checks the expiry with the app's clock.
            _opened.Set(protectedText, ticket, new MemoryCacheEntryOptions { AbsoluteExpirationRelativeToNow = left, Size = 1 });
            return ticket.Clone();
        }

        return ticket;
    }

    public void Dispose() => _opened.Dispose();
}
