using System.Net;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// Wrong passwords on the real account service with its counts in the real Redis, on a clock the test
/// moves: a guesser waits longer and longer, a stranger never locks the owner out, guesses from many
/// addresses slow new addresses but not the owner's, and a parallel burst gets no extra tries.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignInThrottleTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string Password = "correct horse battery staple";
    private const string Wrong = "wrong password attempt";

    private static readonly IPAddress Home = IPAddress.Parse("203.0.113.10");
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.66");
    private static readonly SignInThrottleOptions Settings = new();

    private readonly FakeTimeProvider _clock = new(DateTimeOffset.UtcNow);

    [Fact]
    public async Task ShouldLetTheOwnerInFromTheirAddress_GivenAStrangerKeptGuessingFromAnother()
    {
        var email = await NewCustomerAsync();
        var strangers = new List<SignInOutcome>();
        for (var guess = 0; guess < 12; guess++)
        {
            strangers.Add((await SignInAsync(email, Wrong, Stranger)).Outcome);
            _clock.Advance(TimeSpan.FromSeconds(1));
        }

        var owner = await SignInAsync(email, Password, Home);

        strangers.ShouldContain(SignInOutcome.Throttled);
        strangers.ShouldNotContain(SignInOutcome.LockedOut);
        owner.Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public async Task ShouldDoubleTheWaitAndNotCheckThePassword_GivenAGuesserPastTheFreeAttempts()
    {
        var email = await NewCustomerAsync();
        for (var guess = 0; guess < Settings.FreeAttemptsPerAddress; guess++)
        {
            (await SignInAsync(email, Wrong, Stranger)).Outcome.ShouldBe(SignInOutcome.Failed);
        }

        var first = await SignInAsync(email, Wrong, Stranger);
        _clock.Advance(first.RetryAfter);
        var afterWaiting = await SignInAsync(email, Wrong, Stranger);
        var second = await SignInAsync(email, Password, Stranger);
        _clock.Advance(second.RetryAfter);
        var rightAfterWaiting = await SignInAsync(email, Password, Stranger);
        var wrongAgain = await SignInAsync(email, Wrong, Stranger);

        first.ShouldBe(new SignInAttempt(SignInOutcome.Throttled, Settings.FirstDelay));
        afterWaiting.Outcome.ShouldBe(SignInOutcome.Failed);
        // Even the right password is not looked at while the attempt must wait.
        second.ShouldBe(new SignInAttempt(SignInOutcome.Throttled, Settings.FirstDelay * 2));
        rightAfterWaiting.Outcome.ShouldBe(SignInOutcome.Succeeded);
        wrongAgain.Outcome.ShouldBe(SignInOutcome.Failed);
    }

    [Fact]
    public async Task ShouldSlowNewAddressesButNotTheOwnersKnownOne_GivenGuessesFromManyAddresses()
    {
        var email = await NewCustomerAsync();
        (await SignInAsync(email, Password, Home)).Outcome.ShouldBe(SignInOutcome.Succeeded);
        for (var address = 1; address <= Settings.FreeAttemptsPerAccount; address++)
        {
            (await SignInAsync(email, Wrong, IPAddress.Parse($"192.0.2.{address}"))).Outcome.ShouldBe(SignInOutcome.Failed);
        }

        var newAddress = await SignInAsync(email, Password, IPAddress.Parse("192.0.2.200"));
        var owner = await SignInAsync(email, Password, Home);

        newAddress.Outcome.ShouldBe(SignInOutcome.Throttled);
        newAddress.RetryAfter.ShouldBeInRange(Settings.FirstDelay, Settings.MaxDelayPerAccount);
        owner.Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public async Task ShouldGiveNoExtraTries_GivenAParallelBurstFromOneAddress()
    {
        var email = await NewCustomerAsync();

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => SignInAsync(email, Wrong, Stranger)));

        outcomes.Count(attempt => attempt.Outcome == SignInOutcome.Failed).ShouldBe(Settings.FreeAttemptsPerAddress);
        outcomes.Count(attempt => attempt.Outcome == SignInOutcome.Throttled).ShouldBe(12 - Settings.FreeAttemptsPerAddress);
    }

    [Fact]
    public async Task ShouldCountOneIPv6Network_GivenAGuesserPickingANewAddressInItEveryTime()
    {
        var email = await NewCustomerAsync();
        for (var guess = 1; guess <= Settings.FreeAttemptsPerAddress; guess++)
        {
            (await SignInAsync(email, Wrong, IPAddress.Parse($"2001:db8:77:1::{guess:x}"))).Outcome.ShouldBe(SignInOutcome.Failed);
        }

        (await SignInAsync(email, Wrong, IPAddress.Parse("2001:db8:77:1::ffff"))).Outcome.ShouldBe(SignInOutcome.Throttled);
        (await SignInAsync(email, Password, IPAddress.Parse("2001:db8:77:2::1"))).Outcome.ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public async Task ShouldThrottleLikeARealAccount_GivenAnEmailNobodyHas()
    {
        var email = $"nobody-{Guid.NewGuid():N}@example.com";
        for (var guess = 0; guess < Settings.FreeAttemptsPerAddress; guess++)
        {
            (await SignInAsync(email, Wrong, Stranger)).Outcome.ShouldBe(SignInOutcome.Failed);
        }

        (await SignInAsync(email, Wrong, Stranger)).Outcome.ShouldBe(SignInOutcome.Throttled);
    }

    private async Task<string> NewCustomerAsync()
    {
        var email = $"throttle-{Guid.NewGuid():N}@example.com";
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, "보호", Password);
        result.Succeeded.ShouldBeTrue();
        return email;
    }

    /// <summary>Signs in as the login page does (a request scope with an HttpContext), with the throttle on the test's clock.</summary>
    private async Task<SignInAttempt> SignInAsync(string email, string password, IPAddress client)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        var throttle = ActivatorUtilities.CreateInstance<SignInThrottle>(scope.ServiceProvider, _clock);
        var accounts = ActivatorUtilities.CreateInstance<AccountService>(scope.ServiceProvider, throttle);
        return await accounts.PasswordSignInAsync(email, password, remember: false, client);
    }
}
