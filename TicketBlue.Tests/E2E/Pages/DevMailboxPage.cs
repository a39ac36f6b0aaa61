using System.Diagnostics;
using Microsoft.Playwright;
using Shouldly;

namespace TicketBlue.Tests.E2E.Pages;

/// <summary>The admin's development mailbox (<c>/admin/dev-mailbox</c>): it lists what the outbox dispatcher had delivered when it was loaded.</summary>
public sealed class DevMailboxPage(IPage page)
{
    private static readonly TimeSpan Delivery = TimeSpan.FromSeconds(30);

    /// <summary>The dispatcher polls the outbox every few seconds: refreshes the list, as a person would, until <paramref name="mail"/> is in it.</summary>
    public async Task WaitForAsync(ILocator mail, string what)
    {
        var waited = Stopwatch.StartNew();
        while (await mail.CountAsync() == 0)
        {
            waited.Elapsed.ShouldBeLessThan(Delivery, $"{what} never reached the dev mailbox");
            await Task.Delay(1_000);
            await page.GetByTestId("mailbox-refresh").ClickAsync();
        }
    }
}
