using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web;
using TicketBlue.Web.Features.Admin;

namespace TicketBlue.Tests.Web.Features.Admin;

/// <summary>
/// Back-office handlers on a fresh, migrated MariaDB database, run as a fixed admin at a fixed time,
/// with the app's real Korean validation messages.
/// </summary>
public abstract class AdminHandlerTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    protected static readonly AdminActor Actor = new("admin-1", "admin@ticketblue.kr");

    protected AdminHandlerTestBase()
    {
        Factory = new TestDbContextFactory(Database);
        CurrentAdmin.GetAsync().Returns(Actor);
    }

    protected MariaDbDatabase Database { get; } = new();

    protected TestDbContextFactory Factory { get; }

    protected ICurrentAdmin CurrentAdmin { get; } = Substitute.For<ICurrentAdmin>();

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected static IStringLocalizer<AdminResource> Localizer { get; } = new StringLocalizer<AdminResource>(
        new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions { ResourcesPath = "Resources" }), NullLoggerFactory.Instance));

    public virtual async ValueTask InitializeAsync()
    {
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("ko-KR");
        await Database.InitializeAsync();
        await Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
