using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace TicketBlue.Infrastructure.Accounts;

/// <summary>
/// Hands every saved change of an account's security stamp, dormancy or existence to
/// <see cref="AccountSessionSignal"/>: whatever rotates the stamp through EF (Identity's password change and
/// reset, the e-mail change, withdrawal) reaches open circuits without each remembering to say so.
/// </summary>
internal sealed class AccountSessionSignalInterceptor(AccountSessionSignal signal) : SaveChangesInterceptor
{
    private readonly ConditionalWeakTable<DbContext, List<KeyValuePair<string, string>>> _pending = [];

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Note(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Note(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        if (Take(eventData.Context) is { } changes)
        {
            // Synchronous saves are rare here (none on request paths); the signal is a best effort either way.
            signal.ChangedAsync(changes).GetAwaiter().GetResult();
        }

        return result;
    }

    public override async ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        if (Take(eventData.Context) is { } changes)
        {
            await signal.ChangedAsync(changes);
        }

        return result;
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Take(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context);
        return Task.CompletedTask;
    }

    private void Note(DbContext? context)
    {
        if (context is null)
        {
            return;
        }

        List<KeyValuePair<string, string>>? changes = null;
        foreach (var entry in context.ChangeTracker.Entries<ApplicationUser>())
        {
            var user = entry.Entity;
            var change = entry.State switch
            {
                EntityState.Deleted => AccountSessionSignal.Revoked,
                EntityState.Modified when entry.Property(u => u.IsDormant).IsModified && user.IsDormant => AccountSessionSignal.Revoked,
                EntityState.Modified when entry.Property(u => u.SecurityStamp).IsModified => user.SecurityStamp ?? AccountSessionSignal.Revoked,
                _ => null,
            };
            if (change is not null)
            {
                (changes ??= []).Add(KeyValuePair.Create(user.Id, change));
            }
        }

        if (changes is not null)
        {
            _pending.AddOrUpdate(context, changes);
        }
    }

    private List<KeyValuePair<string, string>>? Take(DbContext? context) =>
        context is not null && _pending.TryGetValue(context, out var changes) && _pending.Remove(context) ? changes : null;
}
