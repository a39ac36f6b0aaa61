namespace TicketBlue.Tests.E2E.Accessibility;

/// <summary>
/// Issue 18's check: axe-core's WCAG 2.1 A and AA rules on every customer page in its usual states and on the
/// main admin pages, with 0 violations; a failure names the page, the rule and each element.
/// </summary>
[Trait("Category", "E2E")]
[Collection(BrowserTests.Name)]
public sealed class AccessibilityTests(AccessibilityVisitors visitors) : IClassFixture<AccessibilityVisitors>
{
    public static TheoryData<string> CustomerPages => [.. AccessiblePages.Customer.Select(page => page.Name)];

    public static TheoryData<string> AdminPages => [.. AccessiblePages.Admin.Select(page => page.Name)];

    [Theory]
    [MemberData(nameof(CustomerPages))]
    public Task ShouldMeetWcag21AA_OnEveryCustomerPage(string page) => CheckAsync(AccessiblePages.Customer, page);

    [Theory]
    [MemberData(nameof(AdminPages))]
    public Task ShouldMeetWcag21AA_OnTheMainAdminPages(string page) => CheckAsync(AccessiblePages.Admin, page);

    private async Task CheckAsync(IReadOnlyList<AccessiblePage> pages, string name)
    {
        var page = await pages.Single(candidate => candidate.Name == name).OpenAsync(visitors);
        try
        {
            await page.SettleAsync();
            await page.ExpectNoViolationsAsync(name);
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }
}
