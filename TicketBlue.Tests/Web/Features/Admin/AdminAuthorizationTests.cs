using System.Net;
using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web;

namespace TicketBlue.Tests.Web.Features.Admin;

/// <summary>
/// Every admin page and admin endpoint, found by reflection and from the endpoint table (so a new
/// page cannot be forgotten), is refused to anonymous visitors and to customers, and served to admins.
/// </summary>
[Trait("Category", "Integration")]
public sealed class AdminAuthorizationTests(AppWithCustomerAndAdmin app) : IClassFixture<AppWithCustomerAndAdmin>
{
    private const string Password = AppWithCustomerAndAdmin.Password;

    public static TheoryData<string> AdminRoutes()
    {
        var data = new TheoryData<string>();
        foreach (var route in AdminPageRoutes())
        {
            data.Add(route);
        }

        return data;
    }

    [Fact]
    public void ShouldFindTheBackOfficePages()
    {
        var routes = AdminPageRoutes().ToList();

        routes.ShouldContain("/admin");
        routes.ShouldContain("/admin/performers");
        routes.ShouldContain("/admin/performances");
        routes.ShouldContain("/admin/coupons");
        routes.ShouldContain("/admin/reservations");
        routes.Count.ShouldBeGreaterThanOrEqualTo(6);
    }

    [Fact]
    public void ShouldRequireTheAdminPolicyOnEveryAdminPage()
    {
        var unprotected = AdminPageTypes()
            .Where(type => type.GetCustomAttributes<AuthorizeAttribute>(inherit: true).All(attribute => attribute.Policy != Policies.Admin))
            .Select(type => type.FullName)
            .ToList();

        unprotected.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRequireTheAdminPolicyOnEveryAdminEndpoint()
    {
        var endpoints = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(endpoint => IsAdminPath(endpoint.RoutePattern.RawText))
            .ToList();

        endpoints.ShouldNotBeEmpty();
        endpoints.ShouldAllBe(endpoint => endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Any(data => data.Policy == Policies.Admin));
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task ShouldSendAnonymousVisitorsToSignIn(string route)
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task ShouldRefuseCustomers(string route)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.CustomerEmail, Password);

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task ShouldRefuseGateStaff(string route)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.GateEmail, Password);

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
    }

    [Fact]
    public async Task ShouldServeTheGateToGateStaffAndAdminsOnly()
    {
        var ct = TestContext.Current.CancellationToken;
        var gate = new Uri("/gate/check-in", UriKind.Relative);
        using var gateStaff = await SignedInClient.CreateAsync(app.Factory, app.GateEmail, Password);
        using var admin = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, Password);
        using var customer = await SignedInClient.CreateAsync(app.Factory, app.CustomerEmail, Password);
        using var anonymous = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        using var toGateStaff = await gateStaff.GetAsync(gate, ct);
        using var toAdmin = await admin.GetAsync(gate, ct);
        using var toCustomer = await customer.GetAsync(gate, ct);
        using var toAnonymous = await anonymous.GetAsync(gate, ct);

        toGateStaff.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await toGateStaff.Content.ReadAsStringAsync(ct)).ShouldContain("입장을 받을 회차를 고르세요");
        toAdmin.StatusCode.ShouldBe(HttpStatusCode.OK);
        toCustomer.Headers.Location!.ToString().ShouldContain("/Account/AccessDenied");
        toAnonymous.Headers.Location!.ToString().ShouldContain("/Account/Login");
    }

    [Fact]
    public void ShouldRequireTheCheckInPolicyOnEveryGatePage()
    {
        var gatePages = typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type) && type.GetCustomAttributes<RouteAttribute>().Any(route => route.Template.StartsWith("/gate", StringComparison.Ordinal)))
            .ToList();

        gatePages.ShouldNotBeEmpty();
        gatePages.ShouldAllBe(type => type.GetCustomAttributes<AuthorizeAttribute>(true).Any(attribute => attribute.Policy == Policies.CheckIn));
    }

    [Theory]
    [MemberData(nameof(AdminRoutes))]
    public async Task ShouldServeAdmins(string route)
    {
        using var client = await SignedInClient.CreateAsync(app.Factory, app.AdminEmail, Password);

        using var response = await client.GetAsync(new Uri(route, UriKind.Relative), TestContext.Current.CancellationToken);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    private static IEnumerable<Type> AdminPageTypes() =>
        typeof(Program).Assembly.GetTypes()
            .Where(type => typeof(IComponent).IsAssignableFrom(type) && type.GetCustomAttributes<RouteAttribute>().Any(route => IsAdminPath(route.Template)));

    /// <summary>Every admin route, with route parameters filled by an id that exists in no table (the page then says so).</summary>
    private static IEnumerable<string> AdminPageRoutes() =>
        AdminPageTypes()
            .SelectMany(type => type.GetCustomAttributes<RouteAttribute>())
            .Select(route => System.Text.RegularExpressions.Regex.Replace(route.Template, "{[^}]+}", "999999"))
            .Distinct()
            .Order();

    private static bool IsAdminPath(string? path) =>
        path is not null && (path == "/admin" || path.StartsWith("/admin/", StringComparison.Ordinal) || path.StartsWith("/api/admin", StringComparison.Ordinal));
}
