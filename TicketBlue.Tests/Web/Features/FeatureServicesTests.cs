using System.Reflection;
using FluentValidation;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Web.Features;

namespace TicketBlue.Tests.Web.Features;

/// <summary>
/// The slices registered by convention (<see cref="FeatureServices"/>): every service a slice declares
/// is there once and scoped, as when each was listed by hand, and every validator too.
/// </summary>
[Trait("Category", "Unit")]
public sealed class FeatureServicesTests
{
    private static readonly Assembly WebAssembly = typeof(FeatureConvention).Assembly;

    /// <summary>Every interface declared under Features that some class of the assembly implements: 61 handlers and the few services beside them.</summary>
    internal static IReadOnlyList<Type> SliceInterfaces { get; } = WebAssembly.GetTypes()
        .Where(type => type.IsInterface && type.Namespace?.StartsWith(FeatureConvention.Namespace, StringComparison.Ordinal) == true)
        .Where(contract => WebAssembly.GetTypes().Any(type => type is { IsClass: true, IsAbstract: false } && type.IsAssignableTo(contract)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToList();

    /// <summary>The validated type of every FluentValidation validator in the assembly.</summary>
    internal static IReadOnlyList<Type> ValidatedTypes { get; } = WebAssembly.GetTypes()
        .Where(type => type is { IsClass: true, IsAbstract: false } && type.BaseType is { IsGenericType: true } baseType && baseType.GetGenericTypeDefinition() == typeof(AbstractValidator<>))
        .Select(type => type.BaseType!.GetGenericArguments()[0])
        .ToList();

    [Fact]
    public void ShouldRegisterEverySliceServiceOnceAndScoped()
    {
        var services = new ServiceCollection().AddFeatures();

        SliceInterfaces.Count(type => type.Name.EndsWith("Handler", StringComparison.Ordinal)).ShouldBeGreaterThanOrEqualTo(61);
        var wrong = SliceInterfaces
            .Select(contract => (contract, Lifetimes: services.Where(service => service.ServiceType == contract && !service.IsKeyedService).Select(service => service.Lifetime).ToList()))
            .Where(found => found.Lifetimes is not [ServiceLifetime.Scoped])
            .Select(found => $"{found.contract.FullName}: [{string.Join(", ", found.Lifetimes)}]")
            .ToList();

        wrong.ShouldBeEmpty();
    }

    [Fact]
    public void ShouldRegisterEveryValidatorScoped()
    {
        var services = new ServiceCollection().AddFeatures();

        ValidatedTypes.Count.ShouldBeGreaterThanOrEqualTo(7);
        var wrong = ValidatedTypes
            .Select(validated => typeof(IValidator<>).MakeGenericType(validated))
            .Select(contract => (contract, Lifetimes: services.Where(service => service.ServiceType == contract).Select(service => service.Lifetime).ToList()))
            .Where(found => found.Lifetimes is not [ServiceLifetime.Scoped])
            .Select(found => $"{found.contract}: [{string.Join(", ", found.Lifetimes)}]")
            .ToList();

        wrong.ShouldBeEmpty();
    }
}
