using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performers;

public interface IGetPerformerForEditHandler
{
    /// <summary>The performer as an edit form, or null when there is none with this id.</summary>
    Task<SavePerformerCommand?> HandleAsync(long performerId, CancellationToken cancellationToken);
}

/// <summary>Loads every editable field, so saving a form never blanks what the list did not show.</summary>
public sealed class GetPerformerForEditHandler(IDbContextFactory<TicketBlueDbContext> contextFactory) : IGetPerformerForEditHandler
{
    public async Task<SavePerformerCommand?> HandleAsync(long performerId, CancellationToken cancellationToken)
    {
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await context.Performers.AsNoTracking()
            .Where(performer => performer.Id == performerId)
            .Select(performer => new SavePerformerCommand
            {
                Id = performer.Id,
                Name = performer.Name,
                EnglishName = performer.EnglishName,
                Kind = performer.Kind,
                BirthDate = performer.BirthDate.HasValue ? performer.BirthDate.Value.ToDateTime(TimeOnly.MinValue) : null,
                Nationality = performer.Nationality,
                Bio = performer.Bio,
            })
            .SingleOrDefaultAsync(cancellationToken);
    }
}
