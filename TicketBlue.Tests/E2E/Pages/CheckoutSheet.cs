using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace TicketBlue.Tests.E2E.Pages;

/// <summary>The order sheet (<c>/checkout/{holdId}</c>) as a customer leaves it for the payment page.</summary>
public static partial class CheckoutSheet
{
    /// <summary>
    /// Waits until the order sheet has sent the customer to the demo gateway's card page. When placing the
    /// order failed instead, the sheet shows why (<c>checkout-failure</c>) and this fails at once with that
    /// text, so a failed run says what the service answered rather than only that no page came.
    /// </summary>
    public static async Task WaitForDemoPaymentAsync(this IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.WaitForFunctionAsync(
            "pattern => new RegExp(pattern).test(location.pathname) || document.querySelector('[data-testid=checkout-failure]') !== null",
            DemoPayPath().ToString());
        var failure = page.GetByTestId("checkout-failure");
        if (await failure.CountAsync() > 0 && !DemoPayPath().IsMatch(new Uri(page.Url).AbsolutePath))
        {
            throw new InvalidOperationException($"Placing the order failed: {await failure.InnerTextAsync()}");
        }

        await page.WaitForURLAsync(url => DemoPayPath().IsMatch(new Uri(url).AbsolutePath));
    }

    [GeneratedRegex(@"^/pay/demo/[^/?]+$")]
    private static partial Regex DemoPayPath();
}
