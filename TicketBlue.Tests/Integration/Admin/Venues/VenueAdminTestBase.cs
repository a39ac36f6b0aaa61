using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using NSubstitute;
using TicketBlue.Domain.Auditing;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Tests.Features.Admin.Venues;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Web.Features.Admin;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Tests.Integration.Admin.Venues;

/// <summary>
/// The venue back office's handlers on a fresh, migrated MariaDB database (one per test class), run
/// as a fixed admin at a fixed time, with the app's real Korean messages.
/// </summary>
public abstract class VenueAdminTestBase : IAsyncLifetime
{
    protected static readonly DateTimeOffset Now = new(2026, 11, 25, 1, 0, 0, TimeSpan.Zero);
    protected static readonly AdminActor Actor = new("admin-1", "admin@ticketblue.kr");

    protected VenueAdminTestBase()
    {
        Factory = new TestDbContextFactory(Database);
        CurrentAdmin.GetAsync().Returns(Actor);
    }

    protected MariaDbDatabase Database { get; } = new();

    protected TestDbContextFactory Factory { get; }

    protected ICurrentAdmin CurrentAdmin { get; } = Substitute.For<ICurrentAdmin>();

    protected FakeTimeProvider Clock { get; } = new(Now);

    protected static KoreanVenueLocalizer Localizer { get; } = new();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Database.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    protected SaveVenueHandler SaveVenue() => new(Factory, new SaveVenueCommandValidator(Localizer), CurrentAdmin, Clock, Localizer);

    protected SetVenueArchivedHandler SetVenueArchived() => new(Factory, CurrentAdmin, Clock, Localizer);

    protected SaveLayoutDraftHandler SaveDraft() =>
        new(Factory, new SaveLayoutDraftCommandValidator(Localizer, new SectionSpecValidator(Localizer)), CurrentAdmin, Clock, Localizer);

    protected ActivateLayoutHandler Activate() => new(Factory, CurrentAdmin, Clock, Localizer);

    protected RetireLayoutHandler Retire() => new(Factory, CurrentAdmin, Clock, Localizer);

    protected CreateLayoutVersionHandler NewVersion() => new(Factory, CurrentAdmin, Clock, Localizer);

    protected SetSeatsBlockedHandler SetBlocked() => new(Factory, CurrentAdmin, Clock, Localizer);

    protected GetLayoutEditorHandler Editor() => new(Factory);

    protected async Task<List<AuditLogEntry>> AuditAsync(string action)
    {
        await using var context = Database.CreateContext();
        return await context.AuditLog.AsNoTracking().Where(entry => entry.Action == action).OrderBy(entry => entry.Id).ToListAsync(Token);
    }

    protected static SectionSpec Spec(string name, int floor = 1, int rows = 5, int seatsPerRow = 10) =>
        new() { Name = name, Floor = floor, Rows = rows, SeatsPerRow = seatsPerRow, DefaultGrade = "R" };

    protected static SectionBlock Generated(SectionSpec spec) => SectionGenerator.Generate(spec);
}
