using System.Text.RegularExpressions;
using Microsoft.Playwright;
using MimeKit;
using Shouldly;

namespace TicketBlue.Tests.E2E.Pages;

/// <summary>
/// The customer's inbox as the app's development mailbox has it (one .eml file per mail, delivered by
/// the outbox dispatcher every few seconds), and opening a link in a mail as a person would.
/// </summary>
public sealed partial class MailboxPages(IPage page, string mailboxPath)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    /// <summary>Waits for the confirmation mail to <paramref name="email"/>, opens its link and checks that the address is confirmed.</summary>
    public async Task ConfirmEmailAsync(string email)
    {
        var link = await ConfirmationLinkToAsync(email);
        await page.GotoAsync(link);
        await Assertions.Expect(page.GetByTestId("email-confirmed")).ToBeVisibleAsync();
    }

    /// <summary>Waits for the password-reset mail to <paramref name="email"/> and opens its link.</summary>
    public async Task OpenPasswordResetLinkAsync(string email) =>
        await page.GotoAsync(await LinkToAsync(email, "password-reset", ResetLink()));

    private Task<string> ConfirmationLinkToAsync(string email) => LinkToAsync(email, "email-confirmation", Link());

    private async Task<string> LinkToAsync(string email, string template, Regex link)
    {
        var deadline = DateTime.UtcNow + Delivery;
        while (true)
        {
            foreach (var file in Directory.Exists(mailboxPath) ? Directory.GetFiles(mailboxPath, $"*-{template}-*.eml") : [])
            {
                using var mail = await MimeMessage.LoadAsync(file);
                if (mail.To.Mailboxes.Any(to => to.Address.Equals(email, StringComparison.OrdinalIgnoreCase)))
                {
                    return link.Match(mail.TextBody ?? string.Empty).Value;
                }
            }

            DateTime.UtcNow.ShouldBeLessThan(deadline, $"no {template} mail reached {email}");
            await Task.Delay(100);
        }
    }

    [GeneratedRegex(@"https?://\S+/Account/ConfirmEmail\?\S+")]
    private static partial Regex Link();

    [GeneratedRegex(@"https?://\S+/Account/ResetPassword\?\S+")]
    private static partial Regex ResetLink();
}
