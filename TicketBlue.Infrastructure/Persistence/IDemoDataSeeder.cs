namespace TicketBlue.Infrastructure.Persistence;

/// <summary>
/// Loads the demo catalogue into an empty database at start-up (<c>Database:SeedDemoData</c>). Implemented
/// outside the production assembly, in TicketBlue.DemoData, and registered by the web app's composition root.
/// </summary>
public interface IDemoDataSeeder
{
    Task SeedAsync(CancellationToken cancellationToken);
}
