using Microsoft.EntityFrameworkCore;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// Hands query handlers a fresh context on the test database each time, as the app's pooled
/// factory does, so a handler under test cannot lean on a context the test already used.
/// </summary>
public sealed class TestDbContextFactory(MariaDbDatabase database) : IDbContextFactory<TicketBlueDbContext>
{
    public TicketBlueDbContext CreateDbContext() => database.CreateContext();
}
