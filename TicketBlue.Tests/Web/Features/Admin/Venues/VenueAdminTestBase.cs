using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Auditing;
using TicketBlue.Tests.Web.Features.Admin.Venues;
using TicketBlue.Web.Features.Admin.Venues;

namespace TicketBlue.Tests.Web.Features.Admin.Venues;

/// <summary>
/// The venue back office's handlers on a fresh, migrated MariaDB database (one per test class), run
/// as a fixed admin at a fixed time, with the app's real Korean messages.
/// </summary>
public abstract class VenueAdminTestBase : AdminHandlerTestBase
{
    /// <summary>The venue back office's own strings (its handlers take the venue localizer).</summary>
    protected static new KoreanVenueLocalizer Localizer { get; } = new();

    protected static CancellationToken Token => TestContext.Current.CancellationToken;

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
