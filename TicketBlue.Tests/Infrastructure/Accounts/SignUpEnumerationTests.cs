using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;
using static TicketBlue.Tests.Infrastructure.Accounts.AccountTestKit;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// Sign-up never says an address is taken (issue 16): the page answers a taken address exactly as a new
/// one, the owner is mailed instead, and no second account appears. Other mistakes are still reported.
/// </summary>
[Trait("Category", "Integration")]
public sealed class SignUpEnumerationTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    [Fact]
    public async Task ShouldAnswerATakenAddressAsANewOne_AndMailItsOwner()
    {
        var taken = UniqueEmail("taken");
        var fresh = UniqueEmail("fresh");
        await CustomerAsync(app.Factory.Services, taken);
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var forTaken = await PostFormAsync(client, "/Account/Register", "register", SignUp(taken));
        using var forFresh = await PostFormAsync(client, "/Account/Register", "register", SignUp(fresh));

        forTaken.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forTaken.StatusCode.ShouldBe(forFresh.StatusCode);
        forTaken.Headers.Location.ShouldBe(forFresh.Headers.Location);
        (await MailsAsync(app.Database, taken, AccountExistsTemplate.Name)).ShouldBe(1);
        (await MailsAsync(app.Database, taken, EmailConfirmationTemplate.Name)).ShouldBe(0);
        (await MailsAsync(app.Database, fresh, EmailConfirmationTemplate.Name)).ShouldBe(1);
        await using var context = app.Database.CreateContext();
        (await context.Users.CountAsync(user => user.Email == taken, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldReportOnlyTheOtherMistakes_GivenATakenAddress()
    {
        var taken = UniqueEmail("taken-short");
        await CustomerAsync(app.Factory.Services, taken);
        await using var scope = app.Factory.Services.CreateAsyncScope();

        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(taken, "다른사람", "short");

        result.Answered.ShouldBeFalse();
        result.Errors.Select(error => error.Code).ShouldContain(nameof(IdentityErrorDescriber.PasswordTooShort));
        result.Errors.Select(error => error.Code).ShouldNotContain(nameof(IdentityErrorDescriber.DuplicateEmail));
    }

    private static Dictionary<string, string> SignUp(string email) => new()
    {
        ["Input.DisplayName"] = "가입시도",
        ["Input.Email"] = email,
        ["Input.Password"] = "someone else's passphrase",
        ["Input.ConfirmPassword"] = "someone else's passphrase",
    };
}
