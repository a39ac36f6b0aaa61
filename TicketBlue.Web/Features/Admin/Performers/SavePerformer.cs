using FluentValidation;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Performers;
using TicketBlue.Infrastructure.Auditing;
using TicketBlue.Infrastructure.Localization;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Web.Features.Admin.Performers;

/// <summary>Creates a performer (no id) or updates one. Fields are the form's, so the page binds to it directly.</summary>
public sealed class SavePerformerCommand
{
    public long? Id { get; set; }

    public string Name { get; set; } = string.Empty;

    public string? EnglishName { get; set; }

    public string Kind { get; set; } = "배우";

    public DateTime? BirthDate { get; set; }

    public string? Nationality { get; set; } = "대한민국";

    public string? Bio { get; set; }
}

public interface ISavePerformerHandler
{
    Task<CommandResult> HandleAsync(SavePerformerCommand command, CancellationToken cancellationToken);
}

public sealed class SavePerformerHandler(
    IDbContextFactory<TicketBlueDbContext> contextFactory,
    IValidator<SavePerformerCommand> validator,
    ICurrentAdmin currentAdmin,
    TimeProvider clock) : ISavePerformerHandler
{
    public async Task<CommandResult> HandleAsync(SavePerformerCommand command, CancellationToken cancellationToken)
    {
        var validation = await validator.ValidateAsync(command, cancellationToken);
        if (!validation.IsValid)
        {
            return CommandResult.From(validation);
        }

        var actor = await currentAdmin.GetAsync();
        var now = clock.GetUtcNow();
        var birth = command.BirthDate is { } date ? DateOnly.FromDateTime(date) : (DateOnly?)null;
        await using var context = await contextFactory.CreateDbContextAsync(cancellationToken);

        // A new row is saved first to get its id for the audit entry; both commit together or not at all.
        await using var transaction = await context.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            Performer performer;
            object? before = null;
            if (command.Id is { } id)
            {
                performer = await context.Performers.SingleOrDefaultAsync(candidate => candidate.Id == id, cancellationToken)
                    ?? throw ErrorTexts.Refusal("performer.not_found");
                before = Snapshot(performer);
                performer.UpdateProfile(command.Name, command.EnglishName, command.Kind, birth, command.Nationality, command.Bio, now);
            }
            else
            {
                performer = Performer.Create(command.Name, command.EnglishName, command.Kind, birth, command.Nationality, command.Bio, now);
                context.Performers.Add(performer);
                await context.SaveChangesAsync(cancellationToken);
            }

            AuditTrail.Record(context, actor, command.Id is null ? "performer.created" : "performer.updated", nameof(Performer), performer.Id, before, Snapshot(performer), now);
            await context.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return CommandResult.Success(performer.Id);
        }
        catch (DomainException exception)
        {
            return CommandResult.From(exception);
        }
    }

    internal static object Snapshot(Performer performer) => new
    {
        performer.Name,
        performer.EnglishName,
        performer.Kind,
        performer.BirthDate,
        performer.Nationality,
        performer.Bio,
        performer.PhotoKey,
        performer.IsArchived,
    };
}
