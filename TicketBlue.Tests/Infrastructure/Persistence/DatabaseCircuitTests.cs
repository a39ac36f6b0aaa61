using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Tests.Infrastructure.Persistence;

/// <summary>The database circuit: fail at once during the break, one probe after it, closed by a connection that opens.</summary>
[Trait("Category", "Unit")]
public sealed class DatabaseCircuitTests
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 7, 12, 0, 0, TimeSpan.Zero));
    private readonly DatabaseCircuit _circuit;

    public DatabaseCircuitTests() =>
        _circuit = new DatabaseCircuit(Options.Create(new DatabaseOptions { BreakFor = TimeSpan.FromSeconds(5) }), _clock);

    [Fact]
    public void ShouldLetEveryoneTry_GivenNoFailure()
    {
        _circuit.TryEnter().ShouldBeTrue();
        _circuit.TryEnter().ShouldBeTrue();
        _circuit.IsOpen.ShouldBeFalse();
    }

    [Fact]
    public void ShouldRefuseAtOnce_DuringTheBreakAfterAFailure()
    {
        _circuit.Failed();
        _clock.Advance(TimeSpan.FromSeconds(4.9));

        _circuit.IsOpen.ShouldBeTrue();
        _circuit.TryEnter().ShouldBeFalse();
    }

    [Fact]
    public void ShouldLetOneProbeThrough_GivenTheBreakIsOver()
    {
        _circuit.Failed();
        _clock.Advance(TimeSpan.FromSeconds(5));

        _circuit.TryEnter().ShouldBeTrue();
        _circuit.TryEnter().ShouldBeFalse();
    }

    [Fact]
    public void ShouldClose_GivenTheProbeConnects()
    {
        _circuit.Failed();
        _clock.Advance(TimeSpan.FromSeconds(5));
        _circuit.TryEnter().ShouldBeTrue();

        _circuit.Succeeded();

        _circuit.IsOpen.ShouldBeFalse();
        _circuit.TryEnter().ShouldBeTrue();
        _circuit.TryEnter().ShouldBeTrue();
    }

    [Fact]
    public void ShouldLetAnotherProbeThrough_GivenTheFirstNeverReported()
    {
        _circuit.Failed();
        _clock.Advance(TimeSpan.FromSeconds(5));
        _circuit.TryEnter().ShouldBeTrue();

        // The probing request went away (cancelled) without an outcome: the circuit is not stuck.
        _clock.Advance(TimeSpan.FromSeconds(5));

        _circuit.TryEnter().ShouldBeTrue();
    }

    [Fact]
    public void ShouldBreakAgain_GivenTheProbeFails()
    {
        _circuit.Failed();
        _clock.Advance(TimeSpan.FromSeconds(5));
        _circuit.TryEnter().ShouldBeTrue();

        _circuit.Failed();

        _circuit.TryEnter().ShouldBeFalse();
        _clock.Advance(TimeSpan.FromSeconds(5));
        _circuit.TryEnter().ShouldBeTrue();
    }

    [Fact]
    public void ShouldCountAsOutage_OnlyTheCircuitOrAConnectionThatCouldNotOpen()
    {
        DatabaseUnavailableException.IsOutage(new InvalidOperationException("wrapped", new DatabaseUnavailableException())).ShouldBeTrue();
        DatabaseUnavailableException.IsOutage(new InvalidOperationException("a bug")).ShouldBeFalse();
        DatabaseUnavailableException.IsOutage(null).ShouldBeFalse();
    }
}
