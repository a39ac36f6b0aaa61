using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Admin.Reservations;

/// <summary>
/// The app on the six-reservation data set, exporting in batches of two (so three batches make a
/// file), with one admin and one customer.
/// </summary>
public sealed class ReservationExportApp : IAsyncLifetime
{
    public const string Password = "correct horse battery staple";

    private TicketBlueAppFactory _factory = default!;

    public ReservationSearchData Data { get; } = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public string AdminEmail { get; } = $"admin-{Guid.NewGuid():N}@example.com";

    public string CustomerEmail { get; } = $"customer-{Guid.NewGuid():N}@example.com";

    public async ValueTask InitializeAsync()
    {
        await Data.InitializeAsync();
        _factory = new TicketBlueAppFactory(Data.Database, seedDemoData: false);
        Factory = _factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton(new ReservationSearchLimits(CountCap: 1000, ExportBatchSize: 2))));
        await using var scope = Factory.Services.CreateAsyncScope();
        var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
        (await accounts.SignUpCustomerAsync(CustomerEmail, "고객", Password)).Succeeded.ShouldBeTrue();
        (await accounts.SignUpAdminAsync(AdminEmail, "관리자", Password, TicketBlueAppFactory.InvitationCode)).Succeeded.ShouldBeTrue();
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await _factory.DisposeAsync();
        await Data.DisposeAsync();
    }
}
