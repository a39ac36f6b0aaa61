using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using NSubstitute;
using TicketBlue.Infrastructure.Reservations;
using TicketBlue.Infrastructure.Checkout;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Api;

/// <summary>
/// A class fixture: the real app on its own MariaDB database (so the real IdempotencyRecords table),
/// with the checkout, confirmation and cancellation services faked: their implementations are built
/// separately, and these tests are about the HTTP contract and the Idempotency-Key handling.
/// </summary>
public sealed class CheckoutApiTestApp : IAsyncLifetime
{
    private readonly AppWithDatabase _app = new();

    public WebApplicationFactory<Program> Factory { get; private set; } = default!;

    public MariaDbDatabase Database => _app.Database;

    public ICheckoutService Checkout { get; } = Substitute.For<ICheckoutService>();

    public IPaymentConfirmationService Confirmations { get; } = Substitute.For<IPaymentConfirmationService>();

    public IReservationCancellationService Cancellations { get; } = Substitute.For<IReservationCancellationService>();

    public async ValueTask InitializeAsync()
    {
        await _app.InitializeAsync();
        Factory = _app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            services.AddSingleton(Checkout);
            services.AddSingleton(Confirmations);
            services.AddSingleton(Cancellations);
        }));
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    /// <summary>A client with a bearer token for a new customer.</summary>
    public async Task<HttpClient> NewCustomerClientAsync()
    {
        var email = $"checkout-{Guid.NewGuid():N}@example.com";
        await TestAccounts.SignUpConfirmedCustomerAsync(Factory.Services, email, "결제고객", ApiTestApp.Password);

        var client = Factory.CreateClient();
        var token = await ApiCalls.IssueTokenAsync(client, email, ApiTestApp.Password);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.AccessToken);
        return client;
    }
}
