using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Notifications.Email;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Hosting;

/// <summary>
/// Outside Development — whatever the environment is called (<c>Production</c>, <c>Staging</c>, <c>prod</c>, …) —
/// the app refuses to start with a development convenience that would hurt real customers: the development
/// mailbox, the demo gateway, Toss test keys, an <c>http://</c> gateway address, demo seeding. Each may be
/// allowed on its own (<see cref="DeploymentSafetyOptions"/>), so allowing one never allows the others.
/// </summary>
public static class DeploymentSafety
{
    /// <summary>What this configuration would run that it may not; empty when it may start.</summary>
    public static IReadOnlyList<string> Refusals(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        if (environment.IsDevelopment())
        {
            return [];
        }

        var allowed = configuration.GetSection(DeploymentSafetyOptions.Section).Get<DeploymentSafetyOptions>() ?? new DeploymentSafetyOptions();
        var refusals = new List<string>();
        var mailProvider = configuration[$"{EmailOptions.Section}:Provider"];
        if (!allowed.AllowDevMailbox && (string.IsNullOrWhiteSpace(mailProvider) || mailProvider.Equals(EmailOptions.DevMailboxProvider, StringComparison.OrdinalIgnoreCase)))
        {
            refusals.Add($"the development mailbox ({EmailOptions.Section}:Provider=Smtp, or Deployment:AllowDevMailbox=true)");
        }

        var gateway = configuration[PaymentServices.ProviderKey];
        var toss = PaymentServices.TossProvider.Equals(gateway, StringComparison.OrdinalIgnoreCase);
        if (!allowed.AllowDemoGateway && !toss)
        {
            refusals.Add($"the demo payment gateway ({PaymentServices.ProviderKey}={PaymentServices.TossProvider} with its keys, or Deployment:AllowDemoGateway=true)");
        }

        if (toss && !allowed.AllowTossTestKeys
            && (IsTestKey(configuration["Payments:Toss:SecretKey"]) || IsTestKey(configuration["Payments:Toss:ClientKey"])))
        {
            refusals.Add("Toss test keys (live_sk_/live_ck_ keys, or Deployment:AllowTossTestKeys=true)");
        }

        if (toss && !allowed.AllowHttpGateway
            && (IsHttp(configuration["Payments:Toss:BaseUrl"]) || IsHttp(configuration["Payments:Toss:SdkUrl"])))
        {
            refusals.Add("an http:// payment gateway address (https://, or Deployment:AllowHttpGateway=true)");
        }

        if (!allowed.AllowDemoSeeding && configuration.GetValue<bool>($"{DatabaseOptions.Section}:{nameof(DatabaseOptions.SeedDemoData)}"))
        {
            refusals.Add("demo seeding (Database:SeedDemoData=false, or Deployment:AllowDemoSeeding=true)");
        }

        if (!allowed.AllowUnencryptedKeys && !KeyEncryptionOptions.IsConfigured(configuration))
        {
            refusals.Add($"Data Protection keys unencrypted in Redis ({KeyEncryptionOptions.Section}:Path and :Password, or Deployment:AllowUnencryptedKeys=true)");
        }

        return refusals;
    }

    /// <summary>Stops start-up with every refusal named at once, so one restart fixes them all.</summary>
    public static void EnsureSafe(IConfiguration configuration, IHostEnvironment environment)
    {
        var refusals = Refusals(configuration, environment);
        if (refusals.Count > 0)
        {
            throw new InvalidOperationException(
                $"The '{environment.EnvironmentName}' environment is not Development and refuses to start with: {string.Join("; ", refusals)}.");
        }
    }

    private static bool IsTestKey(string? key) => key?.Trim().StartsWith("test_", StringComparison.OrdinalIgnoreCase) == true;

    private static bool IsHttp(string? address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var url) && url.Scheme == Uri.UriSchemeHttp;
}
