using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Shouldly;
using TicketBlue.Infrastructure.Reservations;

namespace TicketBlue.Tests.Infrastructure.Reservations;

/// <summary><c>AddCancellations</c>: the "Cancellation" section becomes the refund policy, and a bad scale stops start-up.</summary>
public sealed class CancellationRegistrationTests
{
    [Fact]
    public void ShouldUseTheKoreanDefaults_GivenNoSettings()
    {
        var policy = Options([]).Value.ToPolicy();

        (policy.CutoffDaysBefore, policy.CutoffTime, policy.FreeOnBookingDay).ShouldBe((1, new TimeOnly(17, 0), true));
        policy.Tiers.Select(tier => (tier.DaysBefore, tier.Percent)).ShouldBe([(2, 30), (6, 20), (9, 10)]);
    }

    [Fact]
    public void ShouldBindTheCutOffAndTheScale_GivenSettings()
    {
        var policy = Options(new()
        {
            ["Cancellation:CutoffDaysBefore"] = "2",
            ["Cancellation:CutoffTime"] = "12:00",
            ["Cancellation:FreeOnBookingDay"] = "false",
            ["Cancellation:FeeTiers:0:DaysBefore"] = "5",
            ["Cancellation:FeeTiers:0:Percent"] = "15",
        }).Value.ToPolicy();

        (policy.CutoffDaysBefore, policy.CutoffTime, policy.FreeOnBookingDay).ShouldBe((2, new TimeOnly(12, 0), false));
        policy.Tiers.ShouldHaveSingleItem().Percent.ShouldBe(15);
    }

    [Fact]
    public void ShouldRefuseAFeeAbove100Percent()
    {
        var options = Options(new() { ["Cancellation:FeeTiers:0:DaysBefore"] = "3", ["Cancellation:FeeTiers:0:Percent"] = "120" });

        Should.Throw<OptionsValidationException>(() => options.Value).Message.ShouldContain("Cancellation");
    }

    private static IOptions<CancellationOptions> Options(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCancellations();
        return builder.Build().Services.GetRequiredService<IOptions<CancellationOptions>>();
    }
}
