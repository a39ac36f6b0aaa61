using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web;

/// <summary>Identity on the real database: roles, customer and admin sign-up, no lockout by strangers, dormancy, hashing.</summary>
[Trait("Category", "Integration")]
public sealed class AccountTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string Password = "correct horse battery staple";

    private static readonly IPAddress Owner = IPAddress.Parse("203.0.113.10");
    private static readonly IPAddress Stranger = IPAddress.Parse("198.51.100.66");

    [Fact]
    public async Task ShouldCreateBothRoles_GivenTheAppHasStarted()
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();

        foreach (var role in Roles.All)
        {
            (await roles.RoleExistsAsync(role)).ShouldBeTrue(role);
        }
    }

    [Fact]
    public async Task ShouldMakeACustomer_GivenACustomerSignUp()
    {
        var (accounts, users) = Services();

        var result = await accounts.SignUpCustomerAsync(UniqueEmail(), "김고객", Password);

        result.Succeeded.ShouldBeTrue(string.Join(", ", result.Errors.Select(e => e.Description)));
        var user = (await users.FindByIdAsync(result.UserId!))!;
        (await users.GetRolesAsync(user)).ShouldBe([Roles.Customer]);
        user.DisplayName.ShouldBe("김고객");
    }

    [Fact]
    public async Task ShouldNotMakeASecondAccount_NorSayTheEmailIsTaken()
    {
        var (accounts, users) = Services();
        var email = UniqueEmail();
        var first = await accounts.SignUpCustomerAsync(email, "첫째", Password);

        var second = await accounts.SignUpCustomerAsync(email, "둘째", Password);

        // Answered like a new sign-up (issue 16: no enumeration); the owner is mailed instead.
        second.Succeeded.ShouldBeFalse();
        second.AddressTaken.ShouldBeTrue();
        second.Answered.ShouldBeTrue();
        second.Errors.ShouldBeEmpty();
        (await users.FindByEmailAsync(email))!.Id.ShouldBe(first.UserId);
    }

    [Fact]
    public async Task ShouldRefuseShortPasswords_GivenFewerThanTwelveCharacters()
    {
        var (accounts, _) = Services();

        var result = await accounts.SignUpCustomerAsync(UniqueEmail(), "짧은비번", "Short!234");

        result.Succeeded.ShouldBeFalse();
        result.Errors.ShouldContain(error => error.Code == "PasswordTooShort");
    }

    [Fact]
    public async Task ShouldHashPasswordsWithPbkdf2AtTheOwaspWorkFactor()
    {
        var (accounts, users) = Services();
        var result = await accounts.SignUpCustomerAsync(UniqueEmail(), "해시", Password);
        var user = (await users.FindByIdAsync(result.UserId!))!;

        // Identity V3 format: 0x01, PRF (4 bytes), iteration count (4 bytes, big-endian), ...
        var hash = Convert.FromBase64String(user.PasswordHash!);

        hash[0].ShouldBe((byte)0x01);
        System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(5, 4)).ShouldBe(IdentityPolicy.PasswordHashIterations);
    }

    [Fact]
    public async Task ShouldNeverLockTheAccount_GivenAStrangersWrongPasswords()
    {
        var email = UniqueEmail();
        var (accounts, _) = Services();
        await accounts.SignUpCustomerAsync(email, "잠김없음", Password);

        var outcomes = new List<SignInOutcome>();
        for (var attempt = 0; attempt < 8; attempt++)
        {
            outcomes.Add(await SignInAsync(email, "wrong password attempt", Stranger));
        }

        outcomes.ShouldNotContain(SignInOutcome.LockedOut);
        outcomes.ShouldContain(SignInOutcome.Throttled);
        (await FreshUserAsync(email)).LockoutEnd.ShouldBeNull();
        (await SignInAsync(email, Password, Owner)).ShouldBe(SignInOutcome.Succeeded);
    }

    [Fact]
    public async Task ShouldRecordTheSignInTime_GivenASuccessfulSignIn()
    {
        var email = UniqueEmail();
        var (accounts, _) = Services();
        await accounts.SignUpCustomerAsync(email, "기록", Password);

        (await SignInAsync(email, Password)).ShouldBe(SignInOutcome.Succeeded);

        (await FreshUserAsync(email)).LastLoginAt.ShouldNotBeNull();
    }

    [Fact]
    public async Task ShouldRefuseSignIn_GivenADormantAccount()
    {
        var email = UniqueEmail();
        var (accounts, users) = Services();
        await accounts.SignUpCustomerAsync(email, "휴면", Password);
        var user = (await users.FindByEmailAsync(email))!;
        user.IsDormant = true;
        await users.UpdateAsync(user);

        (await SignInAsync(email, Password)).ShouldBe(SignInOutcome.Dormant);
    }

    [Fact]
    public async Task ShouldAnswerFailedNotUnknown_GivenAnEmailThatIsNotRegistered() =>
        (await SignInAsync(UniqueEmail(), Password)).ShouldBe(SignInOutcome.Failed);

    /// <summary>Reads the user in a new scope, so nothing cached by an earlier scope hides what was saved.</summary>
    private async Task<ApplicationUser> FreshUserAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(email))!;
    }

    private static string UniqueEmail() => $"user-{Guid.NewGuid():N}@example.com";

    private (AccountService Accounts, UserManager<ApplicationUser> Users) Services()
    {
        var scope = app.Factory.Services.CreateScope();
        return (scope.ServiceProvider.GetRequiredService<AccountService>(), scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>());
    }

    /// <summary>Signs in the way the login page does, inside a request scope with an HttpContext.</summary>
    private async Task<SignInOutcome> SignInAsync(string email, string password, IPAddress? client = null)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>();
        accessor.HttpContext = new Microsoft.AspNetCore.Http.DefaultHttpContext { RequestServices = scope.ServiceProvider };
        return (await scope.ServiceProvider.GetRequiredService<AccountService>().PasswordSignInAsync(email, password, remember: false, client ?? Owner)).Outcome;
    }
}
