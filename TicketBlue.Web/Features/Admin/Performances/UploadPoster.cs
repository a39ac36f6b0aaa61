using Microsoft.EntityFrameworkCore;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performances;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Files;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performances;

public interface IUploadPosterHandler
{
    Task<CommandResult> HandleAsync(long performanceId, Stream content, string? declaredContentType, long declaredLength, CancellationToken cancellationToken);
}

/// <summary>
/// Replaces a performance's poster. The new image is checked by content and stored under a new key
/// first; the performance is saved; only then is the old image deleted. A failed upload therefore
/// never loses the poster, and a rejected one leaves nothing behind.
/// </summary>
public sealed class UploadPosterHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    ImageUploadService uploads,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : IUploadPosterHandler
{
    public async Task<CommandResult> HandleAsync(long performanceId, Stream content, string? declaredContentType, long declaredLength, CancellationToken cancellationToken)
    {
        var actor = await currentAdmin.GetAsync();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        var performance = await context.Performances.SingleOrDefaultAsync(p => p.Id == performanceId, cancellationToken);
        if (performance is null)
        {
            return CommandResult.Failure(ErrorTexts.For("performance.not_found"));
        }

        var previous = performance.Poster;
        try
        {
            await uploads.ReplaceAsync(content, declaredContentType, declaredLength, ImageUploadService.PostersFolder, previous?.Key, async stored =>
            {
                var now = clock.GetUtcNow();
                performance.SetPoster(new Poster(stored.Key, stored.ContentType, stored.SizeBytes), now);
                AuditTrail.Record(context, actor, "performance.poster_replaced", nameof(Performance), performance.Id, previous, performance.Poster, now);
                await context.SaveChangesAsync(cancellationToken);
            }, cancellationToken);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }

        return CommandResult.Success(performance.Id);
    }
}
