namespace TicketBlue.Infrastructure.Accounts.Kakao;

/// <summary>
/// 카카오 로그인 (Kakao's OpenID Connect): the app key from Kakao Developers. With no client id the
/// button is not shown and the sign-in scheme is not registered.
/// </summary>
public sealed class KakaoOptions
{
    public const string Section = "Kakao";

    /// <summary>The REST API key (REST API 키) of the Kakao app.</summary>
    public string? ClientId { get; set; }

    /// <summary>The client secret, when the Kakao app has one enabled (보안 → Client Secret).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>Kakao's OIDC issuer; its discovery document is at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
    public Uri Authority { get; set; } = new("https://kauth.kakao.com");

    public bool IsConfigured => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>Only an https issuer outside tests: tokens and keys must not travel in the clear.</summary>
    public bool IsValid(bool allowHttp) =>
        !IsConfigured || (Authority.IsAbsoluteUri && (Authority.Scheme == Uri.UriSchemeHttps || (allowHttp && Authority.Scheme == Uri.UriSchemeHttp)));
}
