using System.Globalization;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web.RateLimiting;

namespace TicketBlue.Web.Api;

/// <summary>
/// Bearer tokens for programs. Signing in goes through <see cref="AccountService"/>, the same rules
/// as the web sign-in (wrong passwords slowed per account and address, dormant accounts refused,
/// sign-in time recorded); only the scheme differs, so Identity's bearer handler writes the token response.
/// </summary>
internal static class AuthApi
{
    public static void MapAuthApi(this RouteGroupBuilder api)
    {
        var auth = api.MapGroup("/auth").WithTags("Auth").AllowAnonymous();

        auth.MapPost("/token", IssueTokenAsync)
            .RequireRateLimit(LimitedAction.SignIn)
            .WithName("IssueToken")
            .WithSummary("Sign in and get a bearer token")
            .WithDescription("Exchanges the e-mail and password of a TicketBlue account for an access token (send it as `Authorization: Bearer …`) and a refresh token. After five wrong passwords from one address each further attempt waits twice as long (429 `auth.throttled` with `Retry-After`); nothing locks the account. A dormant account (휴면, after `Accounts:DormantAfter` without signing in) with the right password is refused with 403 `auth.dormant` and gets the reactivation link by e-mail; a wrong password answers 401 as for any account. Accounts locked by an operator answer 423 `auth.locked_out`.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status423Locked)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        auth.MapPost("/refresh", RefreshAsync)
            .RequireRateLimit(LimitedAction.Refresh)
            .WithName("RefreshToken")
            .WithSummary("Trade a refresh token for a new token pair")
            .WithDescription("Refresh tokens live 14 days. A token issued before a password change, or for an account that has since become dormant or locked, is refused (401 `auth.invalid_refresh_token`). A refresh counts as activity for the dormancy rule, like a sign-in.")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
    }

    private static async Task<Results<Ok<AccessTokenResponse>, EmptyHttpResult, ProblemHttpResult>> IssueTokenAsync(
        TokenRequest request,
        HttpContext http,
        SignInManager<ApplicationUser> signInManager,
        AccountService accounts,
        ApiProblems problems,
        IStringLocalizer<ApiResource> text,
        IStringLocalizer<SharedResource> shared)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
        {
            return problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.RequestInvalid, text["Validation.Credentials"]);
        }

        // The request scope's SignInManager is the one AccountService uses: switching its scheme makes
        // the successful sign-in write an AccessTokenResponse instead of setting a cookie.
        signInManager.AuthenticationScheme = IdentityConstants.BearerScheme;
        var siteRoot = new Uri($"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}/");
        var attempt = await accounts.PasswordSignInAsync(request.Email, request.Password, remember: false, http.Connection.RemoteIpAddress, siteRoot);
        if (attempt.Outcome == SignInOutcome.Throttled)
        {
            RetryAfterHeader.Set(http.Response, attempt.RetryAfter);
            var detail = ApiProblems.Message(ApiErrorCodes.AuthThrottled, RetryAfterHeader.Seconds(attempt.RetryAfter));
            return problems.Create(StatusCodes.Status429TooManyRequests, ApiErrorCodes.AuthThrottled, detail);
        }

        return attempt.Outcome switch
        {
            SignInOutcome.Succeeded => TypedResults.Empty,
            SignInOutcome.LockedOut => problems.Create(StatusCodes.Status423Locked, ApiErrorCodes.AuthLockedOut),
            SignInOutcome.Dormant => problems.Create(StatusCodes.Status403Forbidden, ApiErrorCodes.AuthDormant, shared["Login.Dormant"]),

            // One answer for an unknown e-mail and a wrong password, as on the sign-in page.
            _ => problems.Create(StatusCodes.Status401Unauthorized, ApiErrorCodes.AuthInvalidCredentials, shared["Login.Failed"]),
        };
    }

    private static async Task<Results<Ok<AccessTokenResponse>, SignInHttpResult, ProblemHttpResult>> RefreshAsync(
        RefreshRequest request,
        IOptionsMonitor<BearerTokenOptions> bearerOptions,
        SignInManager<ApplicationUser> signInManager,
        AccountService accounts,
        TimeProvider clock,
        ApiProblems problems,
        IStringLocalizer<ApiResource> text)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken))
        {
            return problems.Create(StatusCodes.Status400BadRequest, ApiErrorCodes.RequestInvalid, text["Validation.RefreshToken"]);
        }

        var ticket = bearerOptions.Get(IdentityConstants.BearerScheme).RefreshTokenProtector.Unprotect(request.RefreshToken);
        var refused = problems.Create(StatusCodes.Status401Unauthorized, ApiErrorCodes.AuthInvalidRefreshToken);
        if (ticket?.Properties.ExpiresUtc is not { } expiresAt || clock.GetUtcNow() >= expiresAt)
        {
            return refused;
        }

        // The security stamp changes with the password: old refresh tokens die with the old password.
        var user = await signInManager.ValidateSecurityStampAsync(ticket.Principal);
        if (user is null || user.IsDormant || await signInManager.UserManager.IsLockedOutAsync(user))
        {
            return refused;
        }

        // A program that only refreshes is active too: the dormancy rule must not take its account.
        if (!await accounts.RecordSignInAsync(user.Id))
        {
            return refused;
        }

        var principal = await signInManager.CreateUserPrincipalAsync(user);
        return TypedResults.SignIn(principal, authenticationScheme: IdentityConstants.BearerScheme);
    }
}
