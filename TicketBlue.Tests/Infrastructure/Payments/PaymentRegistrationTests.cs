using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Domain.Payments;
using TicketBlue.Infrastructure.Payments;
using TicketBlue.Infrastructure.Payments.Demo;
using TicketBlue.Infrastructure.Payments.Toss;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Payments;

/// <summary><c>AddPayments</c> on a real host: which gateway <c>Payments:Provider</c> picks, and start-up validation.</summary>
[Trait("Category", "Integration")]
public sealed class PaymentRegistrationTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldUseTheDemoGateway_GivenNoProvider()
    {
        using var host = Build([]);
        await host.StartAsync(Ct);

        var gateway = host.Services.GetRequiredService<IPaymentGateway>();

        // Behind the free-order front (a coupon paying everything never reaches a gateway).
        gateway.ShouldBeOfType<FreeOrderGateway>().Gateway.ShouldBeSameAs(host.Services.GetRequiredService<DemoPaymentGateway>());
        gateway.Provider.ShouldBe(PaymentProvider.Demo);
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task ShouldUseToss_GivenTheTossProviderAndASecretKey()
    {
        using var host = Build(new() { ["Payments:Provider"] = "toss", ["Payments:Toss:SecretKey"] = "test_sk_x" });
        await host.StartAsync(Ct);

        host.Services.GetRequiredService<IPaymentGateway>().ShouldBeOfType<FreeOrderGateway>().Gateway.ShouldBeOfType<TossPaymentGateway>().Provider.ShouldBe(PaymentProvider.Toss);
        var options = host.Services.GetRequiredService<IOptions<TossPaymentsOptions>>().Value;
        options.BaseUrl.ShouldBe("https://api.tosspayments.com/");
        options.Timeout.ShouldBe(TimeSpan.FromSeconds(30));
        host.Services.GetService<DemoPaymentGateway>().ShouldBeNull();
        await host.StopAsync(Ct);
    }

    [Fact]
    public async Task ShouldRefuseToStart_GivenTossWithoutASecretKey()
    {
        using var host = Build(new() { ["Payments:Provider"] = "Toss", ["Payments:Toss:BaseUrl"] = "not a url" });

        var exception = await Should.ThrowAsync<OptionsValidationException>(() => host.StartAsync(Ct));

        exception.Failures.ShouldContain(failure => failure.Contains("SecretKey", StringComparison.Ordinal));
        exception.Failures.ShouldContain(failure => failure.Contains("BaseUrl", StringComparison.Ordinal));
    }

    [Fact]
    public void ShouldRefuseAnUnknownProvider_GivenATypo()
    {
        var exception = Should.Throw<InvalidOperationException>(() => Build(new() { ["Payments:Provider"] = "Tos" }));

        exception.Message.ShouldContain("Payments:Provider");
    }

    private static IHost Build(Dictionary<string, string?> settings, string environment = "Development")
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(TestEnvironment.Redis));
        builder.AddPayments();
        return builder.Build();
    }
}
