using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Jobs;

namespace TicketBlue.Tests.Infrastructure.Jobs;

/// <summary>
/// Hangfire's dashboard at /admin/jobs through the real app (no Hangfire server needed to show it): anonymous
/// visitors go to sign-in, customers get 403, admins get the dashboard, and an admin demoted in the database is
/// refused although the cookie still says admin. Its commands need the app's antiforgery token.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class JobDashboardTests(AppWithCustomerAndAdmin app) : IClassFixture<AppWithCustomerAndAdmin>
{
    private const string Password = AppWithCustomerAndAdmin.Password;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/jobs/recurring")]
    [InlineData("/admin/jobs/stats")]
    public async Task ShouldSendAnonymousVisitorsToSignIn(string path)
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Theory]
    [InlineData("/admin/jobs")]
    [InlineData("/admin/jobs/recurring")]
    public async Task ShouldRefuseCustomersWith403(string path)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.CustomerEmail, Password);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ShouldShowAdminsTheDashboard_WithTheJobsKoreanTitle()
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, Password);

        using var response = await client.GetAsync(new Uri("/admin/jobs/recurring", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync(Ct)).ShouldContain("TicketBlue 배치 작업");
    }

    [Fact]
    public async Task ShouldRefuseADashboardCommandWithoutTheAntiforgeryToken_AndAcceptItWithTheToken()
    {
        var recurring = app.Factory.Services.GetRequiredService<IRecurringJobManager>();
        recurring.AddOrUpdate<BatchJobEntry>("payment-recovery", entry => entry.RunAsync("payment-recovery", null), Cron.Never());
        using var client = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, Password);
        var page = await client.GetStringAsync(new Uri("/admin/jobs/recurring", UriKind.Relative), Ct);
        var token = AntiforgeryMeta().Match(page);
        token.Success.ShouldBeTrue("the dashboard's pages carry the app's antiforgery token");

        using var withoutToken = new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "payment-recovery" });
        using var refused = await client.PostAsync(new Uri("/admin/jobs/recurring/trigger", UriKind.Relative), withoutToken, Ct);
        refused.IsSuccessStatusCode.ShouldBeFalse();
        LastJobOf("payment-recovery").ShouldBeNull();

        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/admin/jobs/recurring/trigger", UriKind.Relative))
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["jobs[]"] = "payment-recovery" }),
        };
        request.Headers.Add(token.Groups["header"].Value, token.Groups["token"].Value);
        using var accepted = await client.SendAsync(request, Ct);
        accepted.IsSuccessStatusCode.ShouldBeTrue();
        LastJobOf("payment-recovery").ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldRefuseAnAdminDemotedInTheDatabase_ThoughTheCookieStillSaysAdmin()
    {
        var email = $"demoted-{Guid.NewGuid():N}@example.com";
        await TestAccounts.CreateStaffAsync(app.Factory.Services, email, Password, Roles.Admin);

        using var client = await SignedInClient.CreateAsync(app.Factory, email, Password);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var user = (await users.FindByEmailAsync(email))!;
            (await users.RemoveFromRoleAsync(user, Roles.Admin)).Succeeded.ShouldBeTrue();
        }

        using var response = await client.GetAsync(new Uri("/admin/jobs", UriKind.Relative), Ct);

        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
    }

    private string? LastJobOf(string recurringJobId)
    {
        using var connection = app.Factory.Services.GetRequiredService<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([recurringJobId]).Single().LastJobId;
    }

    [GeneratedRegex("""<meta name="csrf-header" content="(?<header>[^"]+)"[\s\S]*?<meta name="csrf-token" content="(?<token>[^"]+)""")]
    private static partial Regex AntiforgeryMeta();
}
