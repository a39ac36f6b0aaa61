using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace TicketBlue.Infrastructure.Persistence;

/// <summary>
/// Lets <c>dotnet ef</c> build the model without starting the web app. Creating a migration does not
/// connect: the server version is fixed (<see cref="Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion"/>).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<TicketBlueDbContext>
{
    public TicketBlueDbContext CreateDbContext(string[] args)
    {
        var connectionString = Environment.GetEnvironmentVariable("TICKETBLUE_DESIGN_DB")
            ?? "Server=127.0.0.1;Port=3307;Database=ticketblue;User ID=ticketblue;Password=ticketblue";
        var options = new DbContextOptionsBuilder<TicketBlueDbContext>()
            .UseMySql(connectionString, Microsoft.Extensions.DependencyInjection.DependencyInjection.ServerVersion)
            .Options;
        return new TicketBlueDbContext(options);
    }
}
