using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// E-mail confirmation on the real app and database: sign-up queues the link in the outbox, the link
/// confirms once, a forged or expired link is refused in Korean, and the link is sent at most once a minute.
/// </summary>
[Trait("Category", "Integration")]
public sealed partial class EmailConfirmationTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldMailALinkAtSignUpThatConfirmsOnce()
    {
        var email = UniqueEmail();
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        using var signUp = await SignUpThroughThePageAsync(client, email);
        signUp.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        signUp.Headers.Location!.ToString().ShouldContain("Account/Login?registered=true");
        (await client.GetStringAsync(new Uri("/Account/Login?registered=true", UriKind.Relative), Ct)).ShouldContain("인증 링크를 보냈습니다");
        (await IsConfirmedAsync(email)).ShouldBeFalse();
        var link = await LinkMailedToAsync(email);

        var first = await client.GetStringAsync(PathOf(link), Ct);
        var second = await client.GetStringAsync(PathOf(link), Ct);

        first.ShouldContain("이메일 인증이 끝났습니다");
        (await IsConfirmedAsync(email)).ShouldBeTrue();
        second.ShouldContain("이미 인증된 이메일입니다");
        second.ShouldNotContain("이메일 인증이 끝났습니다");
    }

    [Fact]
    public async Task ShouldRefuseAForgedLinkInKorean_AndLeaveTheAccountUnconfirmed()
    {
        var email = UniqueEmail();
        var userId = await SignUpAsync(email);
        var other = await SignUpAsync(UniqueEmail());
        await SendLinkAsync(other);
        var othersCode = CodeOf(await LinkMailedToAsync(await EmailOfAsync(other)));
        using var client = app.Factory.CreateClient();

        var forged = await client.GetStringAsync(new Uri($"/Account/ConfirmEmail?userId={userId}&code=Zm9yZ2Vk", UriKind.Relative), Ct);
        var borrowed = await client.GetStringAsync(new Uri($"/Account/ConfirmEmail?userId={userId}&code={othersCode}", UriKind.Relative), Ct);
        var empty = await client.GetStringAsync(new Uri("/Account/ConfirmEmail", UriKind.Relative), Ct);

        foreach (var page in new[] { forged, borrowed, empty })
        {
            page.ShouldContain("인증 링크를 확인할 수 없습니다");
            page.ShouldContain("유효 기간이 지났습니다");
        }

        (await IsConfirmedAsync(email)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldRefuseALinkPastItsLifetime()
    {
        await using var expiring = app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromSeconds(-1))));
        var email = UniqueEmail();
        var userId = await SignUpAsync(email);
        await using (var scope = expiring.Services.CreateAsyncScope())
        {
            (await scope.ServiceProvider.GetRequiredService<IEmailConfirmations>().SendLinkAsync(userId, new Uri("http://localhost/"), Ct)).ShouldBe(ConfirmationLinkOutcome.Sent);
        }

        using var client = expiring.CreateClient();
        var page = await client.GetStringAsync(PathOf(await LinkMailedToAsync(email)), Ct);

        page.ShouldContain("인증 링크를 확인할 수 없습니다");
        (await IsConfirmedAsync(email)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldSendTheLinkAtMostOnceAMinute_AndNotAtAllOnceConfirmed()
    {
        var email = UniqueEmail();
        var userId = await SignUpAsync(email);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var confirmations = new EmailConfirmations(
            app.Factory.Services.GetRequiredService<IServiceScopeFactory>(),
            app.Factory.Services.GetRequiredService<IOptions<DataProtectionTokenProviderOptions>>(),
            clock);
        var root = new Uri("http://localhost/");

        (await confirmations.SendLinkAsync(userId, root, Ct)).ShouldBe(ConfirmationLinkOutcome.Sent);
        (await confirmations.SendLinkAsync(userId, root, Ct)).ShouldBe(ConfirmationLinkOutcome.TooSoon);
        clock.Advance(EmailConfirmations.ResendInterval);
        (await confirmations.SendLinkAsync(userId, root, Ct)).ShouldBe(ConfirmationLinkOutcome.Sent);
        (await MailsToAsync(email)).ShouldBe(2);

        await TestAccounts.ConfirmEmailAsync(app.Factory.Services, email);
        clock.Advance(EmailConfirmations.ResendInterval);
        (await confirmations.SendLinkAsync(userId, root, Ct)).ShouldBe(ConfirmationLinkOutcome.AlreadyConfirmed);
        (await MailsToAsync(email)).ShouldBe(2);
    }

    private static string UniqueEmail() => $"confirm-{Guid.NewGuid():N}@example.com";

    private static async Task<HttpResponseMessage> SignUpThroughThePageAsync(HttpClient client, string email)
    {
        var form = await client.GetStringAsync(new Uri("/Account/Register", UriKind.Relative), Ct);
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "register",
            ["__RequestVerificationToken"] = AntiforgeryToken().Match(form).Groups["token"].Value,
            ["Input.DisplayName"] = "인증고객",
            ["Input.Email"] = email,
            ["Input.Password"] = Password,
            ["Input.ConfirmPassword"] = Password,
        });
        return await client.PostAsync(new Uri("/Account/Register", UriKind.Relative), content, Ct);
    }

    private async Task<string> SignUpAsync(string email)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, "인증고객", Password);
        return result.UserId ?? throw new InvalidOperationException(string.Join(", ", result.Errors.Select(error => error.Description)));
    }

    private async Task SendLinkAsync(string userId)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IEmailConfirmations>().SendLinkAsync(userId, new Uri("http://localhost/"), Ct)).ShouldBe(ConfirmationLinkOutcome.Sent);
    }

    private async Task<string> EmailOfAsync(string userId)
    {
        await using var context = app.Database.CreateContext();
        return await context.Users.Where(user => user.Id == userId).Select(user => user.Email!).SingleAsync(Ct);
    }

    private async Task<bool> IsConfirmedAsync(string email)
    {
        await using var context = app.Database.CreateContext();
        return await context.Users.Where(user => user.Email == email).Select(user => user.EmailConfirmed).SingleAsync(Ct);
    }

    /// <summary>The link of the newest confirmation mail queued for <paramref name="email"/>.</summary>
    private async Task<Uri> LinkMailedToAsync(string email)
    {
        await using var context = app.Database.CreateContext();
        var payload = await context.Notifications
            .Where(notification => notification.Recipient == email && notification.Template == EmailConfirmationTemplate.Name)
            .OrderByDescending(notification => notification.CreatedAt)
            .Select(notification => notification.PayloadJson)
            .FirstAsync(Ct);
        var link = JsonDocument.Parse(payload).RootElement.GetProperty("link").GetString()!;
        return new Uri(link);
    }

    private async Task<int> MailsToAsync(string email)
    {
        await using var context = app.Database.CreateContext();
        return await context.Notifications.CountAsync(notification => notification.Recipient == email && notification.Template == EmailConfirmationTemplate.Name, Ct);
    }

    private static Uri PathOf(Uri link) => new(link.PathAndQuery, UriKind.Relative);

    private static string CodeOf(Uri link) => CodeParameter().Match(link.Query).Groups["code"].Value;

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"(?<token>[^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("code=(?<code>[^&]+)")]
    private static partial Regex CodeParameter();
}
