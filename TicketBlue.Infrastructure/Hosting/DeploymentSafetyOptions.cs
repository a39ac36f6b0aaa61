namespace TicketBlue.Infrastructure.Hosting;

/// <summary>
/// <c>Deployment</c>: development conveniences a non-development build may run only when allowed one by one
/// (a public demonstration site, a staging copy, the tests). Without them, <see cref="DeploymentSafety"/> stops
/// start-up.
/// </summary>
public sealed class DeploymentSafetyOptions
{
    public const string Section = "Deployment";

    /// <summary>The development mailbox instead of a real relay (mail becomes files that admins can read).</summary>
    public bool AllowDevMailbox { get; set; }

    /// <summary>The demo payment gateway, where anyone "pays" by pressing a button.</summary>
    public bool AllowDemoGateway { get; set; }

    /// <summary>Toss test keys (<c>test_sk_…</c>, <c>test_ck_…</c>): nothing is charged.</summary>
    public bool AllowTossTestKeys { get; set; }

    /// <summary>An <c>http://</c> payment gateway address (card data and keys in clear text).</summary>
    public bool AllowHttpGateway { get; set; }

    /// <summary>Loading the demo catalogue and its well-known demo accounts.</summary>
    public bool AllowDemoSeeding { get; set; }

    /// <summary>Data Protection keys stored in Redis without a certificate (<see cref="KeyEncryptionOptions"/>).</summary>
    public bool AllowUnencryptedKeys { get; set; }
}
