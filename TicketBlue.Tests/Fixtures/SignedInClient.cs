using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// Signs in through the real login form (antiforgery token and all) and keeps the cookie. Staff then give
/// the authenticator's code as a person with the app would: at the first sign-in they set the authenticator
/// up from the key on the page; after that the code comes from the account's key.
/// </summary>
public static partial class SignedInClient
{
    public static async Task<HttpClient> CreateAsync(WebApplicationFactory<Program> factory, string email, string password)
    {
        ArgumentNullException.ThrowIfNull(factory);
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var form = await client.GetStringAsync(new Uri("/Account/Login", UriKind.Relative));
        using var response = await PostFormAsync(client, new Uri("/Account/Login", UriKind.Relative), form, "login", new()
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Sign-in as {email} failed: {response.StatusCode}");
        }

        var next = response.Headers.Location!;
        if (next.OriginalString.Contains("Account/SetupAuthenticator", StringComparison.Ordinal))
        {
            await SetUpAuthenticatorAsync(client, next);
        }
        else if (next.OriginalString.Contains("Account/LoginWith2fa", StringComparison.Ordinal))
        {
            var key = await TestAccounts.AuthenticatorKeyAsync(factory.Services, email);
            await EnterCodeAsync(client, next, key);
        }

        return client;
    }

    /// <summary>The first sign-in of staff: the key from the set-up page, and the app's first code.</summary>
    public static async Task<string> SetUpAuthenticatorAsync(HttpClient client, Uri setupPage)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(setupPage);
        var key = AuthenticatorKey().Match(page).Groups["key"].Value;
        using var response = await PostFormAsync(client, setupPage, page, "setup-2fa", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        var done = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !done.Contains("data-testid=\"recovery-codes\"", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"Setting up the authenticator failed: {response.StatusCode}");
        }

        return key;
    }

    /// <summary>Every later sign-in of staff: the authenticator's current code.</summary>
    public static async Task EnterCodeAsync(HttpClient client, Uri codePage, string key)
    {
        ArgumentNullException.ThrowIfNull(client);
        var page = await client.GetStringAsync(codePage);
        using var response = await PostFormAsync(client, codePage, page, "login-2fa", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The authenticator's code was refused: {response.StatusCode}");
        }
    }

    /// <summary>The antiforgery token of the form in a page.</summary>
    public static string FormToken(string page) => AntiforgeryToken().Match(page).Groups["token"].Value;

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, Uri target, string page, string handler, Dictionary<string, string> fields)
    {
        fields["_handler"] = handler;
        fields["__RequestVerificationToken"] = FormToken(page);
        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(target, content);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("data-testid=\"authenticator-key\">(?<key>[^<]+)<")]
    private static partial Regex AuthenticatorKey();
}
