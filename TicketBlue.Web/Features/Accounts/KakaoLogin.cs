using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Kakao;

namespace TicketBlue.Web.Features.Accounts;

/// <summary>
/// 카카오 로그인 through ASP.NET Core's OpenID Connect handler against Kakao's issuer (discovery at
/// <c>kauth.kakao.com</c>): authorization code with PKCE, <c>state</c> and <c>nonce</c> checked by the
/// handler, the ID token's signature checked against Kakao's published keys, the user info read for
/// <c>email_verified</c>. The Kakao identity lands in Identity's external cookie; <see cref="KakaoAccounts"/>
/// decides which account it signs in. Registered only when <c>Kakao:ClientId</c> is set.
/// </summary>
internal static class KakaoLogin
{
    public const string CallbackPath = "/signin-kakao";

    public static void AddKakaoLogin(this WebApplicationBuilder builder)
    {
        // Plain http for the issuer and its cookies only where the app itself runs on http (development, tests).
        var allowHttp = builder.Environment.IsDevelopment() || builder.Environment.IsEnvironment("Testing");
        builder.Services.AddOptions<KakaoOptions>()
            .Bind(builder.Configuration.GetSection(KakaoOptions.Section))
            .Validate(options => options.IsValid(allowHttp), "Kakao: Authority must be an absolute https address.")
            .ValidateOnStart();
        builder.Services.AddScoped<KakaoAccounts>();
        builder.Services.AddScoped<KakaoEmailLinks>();
        builder.Services.AddSingleton<KakaoEmailLinkToken>();

        var kakao = builder.Configuration.GetSection(KakaoOptions.Section).Get<KakaoOptions>() ?? new KakaoOptions();
        if (!kakao.IsConfigured)
        {
            return;
        }

        builder.Services.AddAuthentication().AddOpenIdConnect(KakaoAccounts.Provider, "카카오", options =>
        {
            options.Authority = kakao.Authority.ToString().TrimEnd('/');
            options.ClientId = kakao.ClientId;
            options.ClientSecret = kakao.ClientSecret;
            options.ResponseType = OpenIdConnectResponseType.Code;
            options.UsePkce = true;
            options.Scope.Clear();
            options.Scope.Add("openid");
            options.Scope.Add("account_email");
            options.Scope.Add("profile_nickname");
            options.CallbackPath = CallbackPath;
            options.SignInScheme = IdentityConstants.ExternalScheme;
            options.GetClaimsFromUserInfoEndpoint = true;
            options.ClaimActions.MapUniqueJsonKey(KakaoClaims.EmailVerifiedClaim, KakaoClaims.EmailVerifiedClaim);
            options.ClaimActions.MapUniqueJsonKey(KakaoClaims.NicknameClaim, KakaoClaims.NicknameClaim);
            options.SaveTokens = false;
            options.DisableTelemetry = true;
            options.RequireHttpsMetadata = !allowHttp;
            var cookies = allowHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.CorrelationCookie.SecurePolicy = cookies;
            options.NonceCookie.SecurePolicy = cookies;

            // Cancelled at Kakao (access_denied), a replayed or forged answer, Kakao unreachable: back to
            // the sign-in page with one sentence, never an error page.
            options.Events.OnRemoteFailure = context =>
            {
                context.Response.Redirect($"{context.Request.PathBase}/Account/Login?external={KakaoLoginNotice.Failed}");
                context.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    public static void MapKakaoLoginEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var kakao = endpoints.MapGroup("/Account/External/Kakao");

        // A POST with the antiforgery token: a cross-site page cannot start a sign-in in the visitor's name.
        kakao.MapPost("", (
            [FromForm] string? returnUrl,
            SignInManager<ApplicationUser> signIn,
            IOptions<KakaoOptions> options) =>
        {
            if (!options.Value.IsConfigured)
            {
                return Results.NotFound();
            }

            var done = $"/Account/External/Kakao/Done?returnUrl={Uri.EscapeDataString(LocalPath(returnUrl))}";
            var properties = signIn.ConfigureExternalAuthenticationProperties(KakaoAccounts.Provider, done);
            return Results.Challenge(properties, [KakaoAccounts.Provider]);
        });

        kakao.MapGet("/Done", async (
            [FromQuery] string? returnUrl,
            HttpContext http,
            SignInManager<ApplicationUser> signIn,
            KakaoAccounts accounts) =>
        {
            var local = LocalPath(returnUrl);
            var login = await signIn.GetExternalLoginInfoAsync();
            if (login is null || login.LoginProvider != KakaoAccounts.Provider)
            {
                return Results.LocalRedirect($"~/Account/Login?external={KakaoLoginNotice.Failed}");
            }

            var result = await accounts.SignInAsync(login, SiteRoot(http));
            var escaped = Uri.EscapeDataString(local);
            switch (result.Outcome)
            {
                case KakaoSignInOutcome.PasswordNeeded:
                    return Results.LocalRedirect($"~/Account/Kakao/Link?email={Uri.EscapeDataString(result.Email!)}&returnUrl={escaped}");
                case KakaoSignInOutcome.EmailNeeded:
                    return Results.LocalRedirect($"~/Account/Kakao/Email?returnUrl={escaped}");
                default:
                    await http.SignOutAsync(IdentityConstants.ExternalScheme);
                    return result.Outcome == KakaoSignInOutcome.SignedIn
                        ? Results.LocalRedirect($"~{local}")
                        : Results.LocalRedirect($"~/Account/Login?external={KakaoLoginNotice.For(result.Outcome)}");
            }
        });
    }

    /// <summary>
    /// Re-authentication before a sensitive step (withdrawal) for a customer who signs in through Kakao:
    /// a fresh Kakao sign-in (<c>prompt=login</c>) bound to the signed-in account (Identity's XSRF key).
    /// </summary>
    public static void MapKakaoReauthenticationEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var kakao = endpoints.MapGroup("/Account/External/Kakao").RequireAuthorization();
        kakao.MapPost("/Reauthenticate", (
            [FromForm] string? returnUrl,
            HttpContext http,
            SignInManager<ApplicationUser> signIn,
            IOptions<KakaoOptions> options) =>
        {
            if (!options.Value.IsConfigured)
            {
                return Results.NotFound();
            }

            var done = $"/Account/External/Kakao/Reauthenticated?returnUrl={Uri.EscapeDataString(LocalPath(returnUrl))}";
            var properties = signIn.ConfigureExternalAuthenticationProperties(KakaoAccounts.Provider, done, signIn.UserManager.GetUserId(http.User));
            properties.SetParameter(OpenIdConnectParameterNames.Prompt, "login");
            return Results.Challenge(properties, [KakaoAccounts.Provider]);
        });

        kakao.MapGet("/Reauthenticated", async (
            [FromQuery] string? returnUrl,
            HttpContext http,
            SignInManager<ApplicationUser> signIn,
            KakaoAccounts accounts) =>
        {
            var userId = signIn.UserManager.GetUserId(http.User)!;
            var login = await signIn.GetExternalLoginInfoAsync(userId);
            var confirmed = login is not null && await accounts.ReauthenticateAsync(userId, login);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var local = LocalPath(returnUrl);
            return Results.LocalRedirect(confirmed ? $"~{local}" : $"~{local}{(local.Contains('?', StringComparison.Ordinal) ? '&' : '?')}external={KakaoLoginNotice.Failed}");
        });
    }

    /// <summary>The app's address ending in '/', for the links in mails.</summary>
    public static Uri SiteRoot(HttpContext http) => new($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");

    /// <summary>A local path to return to; anything else (another site, "//host", "/\host") becomes the home page.</summary>
    public static string LocalPath(string? returnUrl) =>
        string.IsNullOrEmpty(returnUrl) || !returnUrl.StartsWith('/') || returnUrl.StartsWith("//", StringComparison.Ordinal) || returnUrl.Contains('\\', StringComparison.Ordinal)
            ? "/"
            : returnUrl;
}
