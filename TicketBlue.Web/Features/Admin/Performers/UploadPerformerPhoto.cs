using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performers;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Files;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performers;

public interface IUploadPerformerPhotoHandler
{
    Task<CommandResult> HandleAsync(long performerId, Stream content, string? declaredContentType, long declaredLength, CancellationToken cancellationToken);
}

/// <summary>
/// Replaces a performer's photo the same safe way as a poster: store the checked image under a new
/// key, save, and only then delete the old one.
/// </summary>
public sealed class UploadPerformerPhotoHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    ImageUploadService uploads,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : IUploadPerformerPhotoHandler
{
    public async Task<CommandResult> HandleAsync(long performerId, Stream content, string? declaredContentType, long declaredLength, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var performer = await context.Performers.SingleOrDefaultAsync(p => p.Id == performerId, cancellationToken);
        if (performer is null)
        {
            return CommandResult.Failure(ErrorTexts.For("performer.not_found"));
        }

        try
        {
            await uploads.ReplaceAsync(content, declaredContentType, declaredLength, ImageUploadService.PerformersFolder, performer.PhotoKey, async stored =>
            {
                var before = SavePerformerHandler.Snapshot(performer);
                performer.SetPhoto(stored.Key);
                AuditTrail.Record(context, actor, "performer.photo_replaced", nameof(Performer), performer.Id, before, SavePerformerHandler.Snapshot(performer), clock.GetUtcNow());
                await context.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }

        return CommandResult.Success(performer.Id);
    }
}
