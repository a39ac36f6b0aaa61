using Microsoft.Extensions.Options;

namespace TicketBlue.Infrastructure.Payments.Toss;

/// <summary>Toss Payments API settings (configuration section <c>Payments:Toss</c>).</summary>
public sealed class TossPaymentsOptions
{
    public const string Section = "Payments:Toss";

    /// <summary>The API secret key (<c>test_sk_…</c> or <c>live_sk_…</c>); never shipped in appsettings.</summary>
    public string SecretKey { get; set; } = string.Empty;

    public string BaseUrl { get; set; } = "https://api.tosspayments.com/";

    /// <summary>
    /// How long to wait for an answer before calling the outcome unknown. Generous, because a confirm
    /// that times out must be reconciled later, which is worse for the customer than waiting.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

/// <summary>Refuses to start with <c>Payments:Provider=Toss</c> and no usable secret key or URL, rather than fail the first checkout.</summary>
public sealed class TossPaymentsOptionsValidator : IValidateOptions<TossPaymentsOptions>
{
    public ValidateOptionsResult Validate(string? name, TossPaymentsOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SecretKey))
        {
            failures.Add($"{TossPaymentsOptions.Section}:SecretKey is required when Payments:Provider is Toss.");
        }

        if (!(Uri.TryCreate(options.BaseUrl, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"{TossPaymentsOptions.Section}:BaseUrl must be an absolute http(s) URL.");
        }

        if (options.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{TossPaymentsOptions.Section}:Timeout must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
