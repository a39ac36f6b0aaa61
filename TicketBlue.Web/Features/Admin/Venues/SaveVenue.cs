using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Venues;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Venues;

/// <summary>Creates a venue (no id) or updates one. Fields are the form's, so the dialog binds to it directly.</summary>
public sealed class SaveVenueCommand
{
    public long? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? EnglishName { get; set; }

    public string Address { get; set; } = string.Empty;

    /// <summary>City and district, e.g. "서울 서초구".</summary>
    public string Region { get; set; } = string.Empty;

    public string? Description { get; set; }
}

public interface ISaveVenueHandler
{
    Task<CommandResult> HandleAsync(SaveVenueCommand command, CancellationToken cancellationToken);
}

public sealed class SaveVenueHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IValidator<SaveVenueCommand> validator,
    ICurrentAdmin currentAdmin,
    TimeProvider clock,
    IStringLocalizer<VenueAdminResource> localizer) : ISaveVenueHandler
{
    public async Task<CommandResult> HandleAsync(SaveVenueCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.From(validation);
        }

        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // A new venue needs its id before the audit entry can name it; the transaction keeps the
        // venue and its entry one unit of work all the same.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            Venue venue;
            object? before = null;
            if (command.Id is { } id)
            {
                var existing = await context.Venues.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken);
                if (existing is null)
                {
                    return CommandResult.Failure(localizer["Venues.NotFound"]);
                }

                venue = existing;
                before = Snapshot(venue);
                venue.UpdateDetails(command.Name, command.EnglishName, command.Address, command.Region, command.Description);
            }
            else
            {
                venue = Venue.Create(command.Name, command.EnglishName, command.Address, command.Region, command.Description, now);
                context.Venues.Add(venue);
                await context.SaveChangesAsync(cancellationToken);
            }

            AuditTrail.Record(context, actor, command.Id is null ? "venue.created" : "venue.updated", nameof(Venue), venue.Id, before, Snapshot(venue), now);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Success(venue.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
    }

    internal static object Snapshot(Venue venue) => new
    {
        venue.Name,
        venue.EnglishName,
        venue.Address,
        venue.Region,
        venue.Description,
        venue.IsArchived,
    };
}
