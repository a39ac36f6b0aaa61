using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>
/// Saves the editor's sections as a draft layout: a new one (no <see cref="LayoutId"/>) or in place of
/// an existing draft. Sections generated in the editor carry their <see cref="SectionBlock.Spec"/> and
/// are generated again here; sections of the saved draft are kept seat for seat.
/// </summary>
public sealed class SaveLayoutDraftCommand
{
    public long VenueId { get; set; }

    public long? LayoutId { get; set; }

    public string Name { get; set; } = LayoutEditorView.DefaultName;

    public IReadOnlyList<SectionBlock> Sections { get; set; } = [];
}

public interface ISaveLayoutDraftHandler
{
    /// <summary>On success the result's id is the saved draft's id, which is new every time (see the handler).</summary>
    Task<CommandResult> HandleAsync(SaveLayoutDraftCommand command, CancellationToken cancellationToken);
}

/// <summary>
/// Builds the draft through the domain (<see cref="SeatLayout.Create"/>, <c>AddSection</c>,
/// <c>AddSeat</c>), so its rules and Korean messages apply. <see cref="SeatLayout"/> can neither remove a
/// section nor resize its canvas, so saving an existing draft replaces the whole draft row (same
/// version, name as edited, original creation time) in one transaction. That is safe because nothing
/// refers to a draft: performances take active layouts only. An active or retired layout is refused
/// by the aggregate itself ("layout.frozen").
/// </summary>
public sealed class SaveLayoutDraftHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IValidator<SaveLayoutDraftCommand> validator,
    ICurrentAdmin currentAdmin,
    TimeProvider clock,
    IStringLocalizer<VenueAdminResource> localizer) : ISaveLayoutDraftHandler
{
    public async Task<CommandResult> HandleAsync(SaveLayoutDraftCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.From(validation);
        }

        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            // Generated again from the spec with the preview's own generator: what was seen is what is saved.
            var blocks = command.Sections.Select(block => block.Spec is { } spec ? SectionGenerator.Generate(spec) : block).ToList();
            var composed = LayoutComposer.Compose(blocks);

            int version;
            var createdAt = now;
            object? before = null;
            if (command.LayoutId is { } id)
            {
                var existing = await context.SeatLayouts.AsNoTracking().SingleOrDefaultAsync(layout => layout.Id == id && layout.VenueId == command.VenueId, cancellationToken);
                if (existing is null)
                {
                    return CommandResult.Failure(localizer["Layouts.NotFound"]);
                }

                if (existing.Status != SeatLayoutStatus.Draft)
                {
                    // Let the aggregate refuse, so the admin reads the domain's own reason.
                    existing.AddSection(blocks[0].Name, blocks[0].Floor);
                }

                version = existing.Version;
                createdAt = existing.CreatedAt;
                before = new
                {
                    ReplacedLayoutId = id,
                    existing.Name,
                    existing.Version,
                    SeatCount = await context.Seats.CountAsync(seat => context.Set<SeatSection>().Any(section => section.Id == seat.SeatSectionId && section.SeatLayoutId == id), cancellationToken),
                };

                // Sections and seats go with it (ON DELETE CASCADE). The status condition makes a
                // draft activated a moment ago by another admin survive, and this save fail.
                var deleted = await context.SeatLayouts.Where(layout => layout.Id == id && layout.Status == SeatLayoutStatus.Draft).ExecuteDeleteAsync(cancellationToken);
                if (deleted == 0)
                {
                    return CommandResult.Failure(localizer["Layouts.Concurrent"]);
                }
            }
            else
            {
                if (!await context.Venues.AnyAsync(venue => venue.Id == command.VenueId, cancellationToken))
                {
                    return CommandResult.Failure(localizer["Venues.NotFound"]);
                }

                version = await LayoutPersistence.NextVersionAsync(context, command.VenueId, cancellationToken);
            }

            var layout = SeatLayout.Create(command.VenueId, command.Name, version, composed.CanvasWidth, composed.CanvasHeight, composed.Stage, createdAt);
            var blocked = new List<Seat>();
            foreach (var placed in composed.Sections)
            {
                var section = layout.AddSection(placed.Name, placed.Floor);
                foreach (var seat in placed.Seats)
                {
                    var added = layout.AddSeat(section, seat.Row, seat.Number, seat.X, seat.Y, seat.Grade, seat.IsAccessible);
                    if (seat.IsBlocked)
                    {
                        blocked.Add(added);
                    }
                }
            }

            context.SeatLayouts.Add(layout);
            await context.SaveChangesAsync(cancellationToken);

            // Blocking goes by seat id, which exists only now; a draft copied from a version with
            // blocked seats keeps them blocked through every save.
            if (blocked.Count > 0)
            {
                layout.SetSeatsBlocked(blocked.Select(seat => seat.Id), blocked: true);
            }

            AuditTrail.Record(context, actor, command.LayoutId is null ? "layout.created" : "layout.draft_saved", nameof(SeatLayout), layout.Id, before, LayoutPersistence.Structure(layout), now);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Success(layout.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
        catch (DbUpdateException exception) when (LayoutPersistence.IsDuplicateKey(exception))
        {
            return CommandResult.Failure(localizer["Layouts.Concurrent"]);
        }
    }
}
