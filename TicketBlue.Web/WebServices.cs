using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using MudBlazor;
using MudBlazor.Services;
using Serilog;
using Serilog.Formatting.Compact;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.Circuits;
using TicketBlue.Web.Features.Accounts;
using TicketBlue.Web.Jobs;
using TicketBlue.Web.Localization;
using TicketBlue.Web.Observability;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Web;

/// <summary>Composition of the web layer: logging, UI, localization, authentication, request limits.</summary>
public static class WebServices
{
    public static readonly CultureInfo[] SupportedCultures = [new("ko-KR"), new("en")];

    public static void AddLogging(this WebApplicationBuilder builder)
    {
        // Structured JSON logs outside development; readable console lines while developing.
        builder.Services.AddSerilog((services, configuration) =>
        {
            // Sinks registered as services (a test's) join the configured ones.
            configuration.ReadFrom.Configuration(builder.Configuration).ReadFrom.Services(services).Enrich.FromLogContext();
            if (builder.Environment.IsDevelopment())
            {
                configuration.WriteTo.Console(outputTemplate: LogLevels.DevelopmentTemplate, formatProvider: CultureInfo.InvariantCulture);
            }
            else
            {
                // Every event of a request carries its trace id ("@tr"), the traceId of its problem details.
                configuration.WriteTo.Console(new RenderedCompactJsonFormatter());
            }
        });
        builder.Services.Decorate<ILoggerFactory, CategoryLoggerCache>();
    }

    public static void AddWebServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddOptions<CircuitTransportOptions>().Bind(builder.Configuration.GetSection(CircuitTransportOptions.Section));
        services.AddSharedPageCache();

        // Send Korean as UTF-8 text, not as &#xD398; entities: a third of the bytes, and readable.
        services.AddWebEncoders(options => options.TextEncoderSettings = new TextEncoderSettings(UnicodeRanges.All));
        services.AddMudServices(options =>
        {
            options.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomCenter;
            options.SnackbarConfiguration.ShowTransitionDuration = 200;
            options.SnackbarConfiguration.HideTransitionDuration = 200;
        });

        services.AddLocalization(options => options.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, KoreanMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.DefaultRequestCulture = new RequestCulture("ko-KR");
            options.SupportedCultures = SupportedCultures;
            options.SupportedUICultures = SupportedCultures;
            options.RequestCultureProviders = [new CookieRequestCultureProvider(), new QueryStringRequestCultureProvider()];
        });
        services.AddScoped<IdentityErrorDescriber, LocalizedIdentityErrorDescriber>();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        builder.AddKakaoLogin();
        services.ConfigureApplicationCookie(options => ConfigureCookie(options, builder.Environment));

        // The account is re-read every minute (StaffSessionPolicy.RecheckEvery), for customers too: a password
        // change, reset or new e-mail rotates the security stamp, and the account's other sessions must end
        // within a minute (issue 16), not after Identity's default 30. One indexed read per signed-in visitor a minute.
        services.Configure<SecurityStampValidatorOptions>(StaffSessionCookie.ConfigureStampCheck);
        services.AddScoped<CircuitHandler, StaffCircuitActivity>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Admin, policy => policy.RequireRole(Roles.Admin).RequireClaim(StaffTwoFactor.MethodClaim, StaffTwoFactor.MultiFactor))
            .AddPolicy(Policies.CheckIn, policy => policy.RequireRole(Roles.Admin, Roles.Gate).RequireClaim(StaffTwoFactor.MethodClaim, StaffTwoFactor.MultiFactor));
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        services.AddOptions<ReverseProxyOptions>()
            .Bind(builder.Configuration.GetSection(ReverseProxyOptions.Section))
            .Validate(options => options.IsValid(), "ReverseProxy: KnownProxies are IP addresses, KnownNetworks CIDR networks (172.28.0.0/24).")
            .ValidateOnStart();
        services.AddRequestLimits(builder.Configuration);
    }

    /// <summary>
    /// Session cookies per ASVS 3.4: HttpOnly, SameSite=Lax, Secure and "__Host-" outside development.
    /// Staff sessions end 12 hours after signing in and after 30 idle minutes (ASVS 3.3.2, <see cref="StaffSessionCookie"/>).
    /// </summary>
    private static void ConfigureCookie(CookieAuthenticationOptions options, IWebHostEnvironment environment)
    {
        var secure = !(environment.IsDevelopment() || environment.IsEnvironment("Testing"));
        options.Cookie.Name = secure ? "__Host-TicketBlue" : "TicketBlue.Auth";
        options.Cookie.HttpOnly = true;
        options.Cookie.SameSite = SameSiteMode.Lax;
        options.Cookie.SecurePolicy = secure ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        options.ExpireTimeSpan = TimeSpan.FromHours(12);
        options.SlidingExpiration = true;
        options.LoginPath = "/Account/Login";
        options.AccessDeniedPath = "/Account/AccessDenied";
        StaffSessionCookie.Configure(options.Events);

        // The job dashboard's pages and its polling are not Blazor pages: a customer gets a plain 403 there.
        var redirectToAccessDenied = options.Events.OnRedirectToAccessDenied;
        options.Events.OnRedirectToAccessDenied = context =>
        {
            if (JobDashboard.Owns(context.Request.Path))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            }

            return redirectToAccessDenied(context);
        };
    }
}

/// <summary>The staff policies: the role, and a session signed in with two factors (<see cref="StaffTwoFactor"/>).</summary>
public static class Policies
{
    public const string Admin = "Admin";

    /// <summary>The gate (입장 관리): gate staff and admins.</summary>
    public const string CheckIn = "CheckIn";
}
