using System.Collections.Concurrent;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// Kakao's OpenID Connect issuer as the app sees it, on a loopback port: discovery, keys, authorize,
/// token (checking client secret, redirect address and the PKCE verifier, one use per code) and user info.
/// The Kakao user who "consents" next is <see cref="NextUser"/>; null answers <c>access_denied</c>, as
/// when a customer cancels on Kakao's page. Every authorization request is kept for assertions.
/// </summary>
public sealed class KakaoStubServer : IAsyncDisposable
{
    public const string ClientId = "test-kakao-rest-api-key";
    public const string ClientSecret = "test-kakao-client-secret";

    private static readonly string[] ResponseTypes = ["code"];
    private static readonly string[] SubjectTypes = ["public"];
    private static readonly string[] SigningAlgorithms = ["RS256"];
    private static readonly string[] ChallengeMethods = ["S256"];

    private readonly RsaSecurityKey _key = new(RSA.Create(2048)) { KeyId = "stub-key-1" };
    private readonly ConcurrentDictionary<string, Grant> _codes = new();
    private readonly ConcurrentDictionary<string, KakaoUser> _accessTokens = new();
    private WebApplication? _app;

    /// <summary>A Kakao account: its stable id (<c>sub</c>), e-mail if shared, whether Kakao verified it, and nickname.</summary>
    public sealed record KakaoUser(string Subject, string? Email, bool EmailVerified, string Nickname)
    {
        public static KakaoUser New(string? email, bool verified = true, string nickname = "카카오 고객") =>
            new(Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture), email, verified, nickname);
    }

    /// <summary>What the app sent to the authorization endpoint.</summary>
    public sealed record AuthorizeRequest(string? State, string? Nonce, string? CodeChallenge, string? CodeChallengeMethod, string? Scope, string? Prompt);

    private sealed record Grant(KakaoUser User, string? Nonce, string CodeChallenge, string RedirectUri);

    public Uri Authority { get; private set; } = default!;

    public KakaoUser? NextUser { get; set; }

    public ConcurrentQueue<AuthorizeRequest> Authorizations { get; } = new();

    public async Task StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer,
            ["authorization_endpoint"] = $"{Issuer}/oauth/authorize",
            ["token_endpoint"] = $"{Issuer}/oauth/token",
            ["userinfo_endpoint"] = $"{Issuer}/v1/oidc/userinfo",
            ["jwks_uri"] = $"{Issuer}/.well-known/jwks.json",
            ["response_types_supported"] = ResponseTypes,
            ["subject_types_supported"] = SubjectTypes,
            ["id_token_signing_alg_values_supported"] = SigningAlgorithms,
            ["code_challenge_methods_supported"] = ChallengeMethods,
        }));
        _app.MapGet("/.well-known/jwks.json", () =>
        {
            var parameters = _key.Rsa.ExportParameters(includePrivateParameters: false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = _key.KeyId, n = Base64UrlEncoder.Encode(parameters.Modulus), e = Base64UrlEncoder.Encode(parameters.Exponent) } } });
        });
        _app.MapGet("/oauth/authorize", Authorize);
        _app.MapPost("/oauth/token", TokenAsync);
        _app.MapGet("/v1/oidc/userinfo", UserInfo);
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Authority = new Uri(address);
    }

    /// <summary>The app settings that point TicketBlue's Kakao login at this server.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings() => new Dictionary<string, string?>
    {
        ["Kakao:ClientId"] = ClientId,
        ["Kakao:ClientSecret"] = ClientSecret,
        ["Kakao:Authority"] = Issuer,
    };

    private string Issuer => Authority.ToString().TrimEnd('/');

    private IResult Authorize(HttpRequest request)
    {
        var query = request.Query;
        Authorizations.Enqueue(new AuthorizeRequest(query["state"], query["nonce"], query["code_challenge"], query["code_challenge_method"], query["scope"], query["prompt"]));
        var redirect = query["redirect_uri"].ToString();
        if (query["client_id"] != ClientId || query["response_type"] != "code" || string.IsNullOrEmpty(redirect))
        {
            return Results.BadRequest("invalid_request");
        }

        var state = Uri.EscapeDataString(query["state"].ToString());
        if (NextUser is not { } user)
        {
            return Results.Redirect($"{redirect}?error=access_denied&error_description=User%20denied%20access&state={state}");
        }

        var code = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _codes[code] = new Grant(user, query["nonce"], query["code_challenge"].ToString(), redirect);
        return Results.Redirect($"{redirect}?code={code}&state={state}");
    }

    private async Task<IResult> TokenAsync(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret
            || !_codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"]
            || !VerifierMatches(form["code_verifier"].ToString(), grant.CodeChallenge))
        {
            return Results.Json(new { error = "invalid_grant" }, statusCode: StatusCodes.Status400BadRequest);
        }

        var claims = new Dictionary<string, object> { ["sub"] = grant.User.Subject, ["nickname"] = grant.User.Nickname, ["auth_time"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds() };
        if (grant.Nonce is not null)
        {
            claims["nonce"] = grant.Nonce;
        }

        if (grant.User.Email is not null)
        {
            claims["email"] = grant.User.Email;
        }

        var idToken = new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = ClientId,
            Claims = claims,
            IssuedAt = DateTime.UtcNow,
            NotBefore = DateTime.UtcNow.AddMinutes(-1),
            Expires = DateTime.UtcNow.AddMinutes(10),
            SigningCredentials = new SigningCredentials(_key, SecurityAlgorithms.RsaSha256),
        });
        var accessToken = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        _accessTokens[accessToken] = grant.User;
        return Results.Json(new { token_type = "bearer", access_token = accessToken, id_token = idToken, expires_in = 21599 });
    }

    private IResult UserInfo(HttpRequest request)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) || !_accessTokens.TryGetValue(header["Bearer ".Length..], out var user))
        {
            return Results.Unauthorized();
        }

        var info = new Dictionary<string, object> { ["sub"] = user.Subject, ["nickname"] = user.Nickname };
        if (user.Email is not null)
        {
            info["email"] = user.Email;
            info["email_verified"] = user.EmailVerified;
        }

        return Results.Json(info);
    }

    private static bool VerifierMatches(string verifier, string challenge) =>
        !string.IsNullOrEmpty(verifier) && Base64UrlEncoder.Encode(SHA256.HashData(Encoding.ASCII.GetBytes(verifier))) == challenge;

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        _key.Rsa.Dispose();
    }
}
