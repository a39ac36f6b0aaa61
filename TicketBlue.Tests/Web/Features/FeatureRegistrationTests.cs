using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features;

/// <summary>The app as started resolves every slice's handler and validator registered by convention, with all they need.</summary>
[Trait("Category", "Integration")]
public sealed class FeatureRegistrationTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    [Fact]
    public void ShouldResolveEverySliceServiceInARequestScope()
    {
        using var scope = app.Factory.Services.CreateScope();

        var failed = new List<string>();
        foreach (var contract in FeatureServicesTests.SliceInterfaces)
        {
            try
            {
                scope.ServiceProvider.GetRequiredService(contract).ShouldBeAssignableTo(contract);
            }
            catch (InvalidOperationException exception)
            {
                failed.Add($"{contract.FullName}: {exception.Message}");
            }
        }

        failed.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldResolveEveryValidator()
    {
        using var scope = app.Factory.Services.CreateScope();

        foreach (var validated in FeatureServicesTests.ValidatedTypes)
        {
            var validator = (IValidator)scope.ServiceProvider.GetRequiredService(typeof(IValidator<>).MakeGenericType(validated));
            validator.CanValidateInstancesOfType(validated).ShouldBeTrue();
        }
    }
}
