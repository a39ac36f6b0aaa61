using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>What the account-lifecycle tests share: customers made by the app, the mails the outbox holds, form posts.</summary>
internal static partial class AccountTestKit
{
    public const string Password = "correct horse battery staple";

    public static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static string UniqueEmail(string kind) => $"{kind}-{Guid.NewGuid():N}@example.com";

    /// <summary>A confirmed customer (without the welcome coupon: confirmed by token, not through the link).</summary>
    public static async Task<string> CustomerAsync(IServiceProvider services, string email)
    {
        await TestAccounts.SignUpConfirmedCustomerAsync(services, email, "계정고객", Password);
        await using var scope = services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!.Id;
    }

    public static async Task<int> MailsAsync(MariaDbDatabase database, string recipient, string template)
    {
        await using var context = database.CreateContext();
        return await context.Notifications.CountAsync(n => n.Recipient == recipient && n.Template == template, Ct);
    }

    /// <summary>The relative address of the link in the newest <paramref name="template"/> mail to <paramref name="recipient"/>.</summary>
    public static async Task<Uri> LinkAsync(MariaDbDatabase database, string recipient, string template, string property = "link")
    {
        await using var context = database.CreateContext();
        var payload = await context.Notifications
            .Where(n => n.Recipient == recipient && n.Template == template)
            .OrderByDescending(n => n.CreatedAt)
            .Select(n => n.PayloadJson)
            .FirstAsync(Ct);
        return new Uri(new Uri(JsonDocument.Parse(payload).RootElement.GetProperty(property).GetString()!).PathAndQuery, UriKind.Relative);
    }

    /// <summary>Posts the form named <paramref name="handler"/> of the page at <paramref name="path"/>, antiforgery token included.</summary>
    public static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, string handler, IDictionary<string, string> fields, Uri? formPage = null)
    {
        var page = await client.GetStringAsync(formPage ?? new Uri(path, UriKind.Relative), Ct);
        var values = new Dictionary<string, string>(fields)
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = SignedInClient.FormToken(page),
        };
        foreach (Match hidden in HiddenField().Matches(page))
        {
            values.TryAdd(hidden.Groups["name"].Value, System.Net.WebUtility.HtmlDecode(hidden.Groups["value"].Value));
        }

        using var content = new FormUrlEncodedContent(values);
        return await client.PostAsync(new Uri(path, UriKind.Relative), content, Ct);
    }

    [GeneratedRegex("<input type=\"hidden\" name=\"(?<name>userId|code)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();
}
