using System.Net;
using System.Security.Claims;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Kakao;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;
using TicketBlue.Tests.Infrastructure.Accounts;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// 카카오 로그인 end to end over HTTP: the app's real OpenID Connect handler against a stub of Kakao's
/// issuer (<see cref="KakaoStubServer"/>), the real database and Redis. A visitor's browser is an
/// HttpClient with cookies that follows the redirects by hand between the app and "Kakao".
/// </summary>
[Trait("Category", "Integration")]
public sealed class KakaoLoginTests(KakaoApp app) : IClassFixture<KakaoApp>
{
    private const string Password = "correct horse battery staple";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldCreateAConfirmedCustomerAndSignIn_GivenANewKakaoUserWithAVerifiedEmail()
    {
        var kakaoUser = KakaoStubServer.KakaoUser.New(UniqueEmail(), nickname: "김카카오");
        using var browser = Browser();

        var landing = await SignInWithKakaoAsync(browser, kakaoUser, returnUrl: "/reservations");

        landing.ShouldBe("/reservations");
        (await IsSignedInAsync(browser)).ShouldBeTrue();
        var user = await UserAsync(kakaoUser.Email!);
        user.EmailConfirmed.ShouldBeTrue();
        user.DisplayName.ShouldBe("김카카오");
        (await RolesOfAsync(user)).ShouldBe([Roles.Customer]);
        (await LoginsOfAsync(user)).ShouldBe([kakaoUser.Subject]);
        (await WelcomeCouponsOfAsync(user)).ShouldBe(1, "a Kakao-verified address counts as confirmed");
        var request = app.Kakao.Authorizations.Last();
        request.CodeChallengeMethod.ShouldBe("S256");
        request.CodeChallenge.ShouldNotBeNullOrEmpty();
        request.Nonce.ShouldNotBeNullOrEmpty();
        request.State.ShouldNotBeNullOrEmpty();
        request.Scope!.Split(' ').ShouldBe(["openid", "account_email", "profile_nickname"], ignoreOrder: true);
    }

    [Fact]
    public async Task ShouldSignInTheSameAccount_GivenAKakaoUserWhoCameBefore()
    {
        var kakaoUser = KakaoStubServer.KakaoUser.New(UniqueEmail());
        using (var first = Browser())
        {
            await SignInWithKakaoAsync(first, kakaoUser);
        }

        using var second = Browser();
        var landing = await SignInWithKakaoAsync(second, kakaoUser);

        landing.ShouldBe("/");
        (await IsSignedInAsync(second)).ShouldBeTrue();
        await using var context = app.Inner.Database.CreateContext();
        (await context.Users.CountAsync(candidate => candidate.Email == kakaoUser.Email, Ct)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldLinkAnExistingAccountOnlyWithItsPassword_GivenAKakaoEmailThatIsRegistered()
    {
        var email = UniqueEmail();
        var userId = await SignUpAsync(email);
        var kakaoUser = KakaoStubServer.KakaoUser.New(email);
        using var browser = Browser();

        var landing = await SignInWithKakaoAsync(browser, kakaoUser);
        var linkPage = await browser.GetStringAsync(new Uri(landing, UriKind.Relative), Ct);
        using var wrong = await PostFormAsync(browser, landing, "kakao-link", new() { ["Input.Password"] = "not the password at all" });
        var wrongPage = await wrong.Content.ReadAsStringAsync(Ct);
        var loginsAfterWrong = await LoginsOfAsync(await UserAsync(email));
        var signedInAfterWrong = await IsSignedInAsync(browser);
        using var right = await PostFormAsync(browser, landing, "kakao-link", new() { ["Input.Password"] = Password });

        landing.ShouldStartWith("/Account/Kakao/Link?email=");
        linkPage.ShouldContain($"이 이메일({email})로 가입된 TicketBlue 계정이 있습니다.");
        wrongPage.ShouldContain("이메일 또는 비밀번호가 맞지 않습니다.");
        loginsAfterWrong.ShouldBeEmpty();
        signedInAfterWrong.ShouldBeFalse();
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await IsSignedInAsync(browser)).ShouldBeTrue();
        var user = await UserAsync(email);
        user.Id.ShouldBe(userId);
        (await LoginsOfAsync(user)).ShouldBe([kakaoUser.Subject]);

        using var later = Browser();
        (await SignInWithKakaoAsync(later, kakaoUser)).ShouldBe("/");
        (await IsSignedInAsync(later)).ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldAnswerARegisteredAndANewAddressAlike_AndMakeOrLinkNothing_GivenKakaoGaveNoVerifiedEmail()
    {
        var registered = UniqueEmail();
        var fresh = UniqueEmail();
        await SignUpAsync(registered);
        var unverified = KakaoStubServer.KakaoUser.New(registered, verified: false);
        var withoutEmail = KakaoStubServer.KakaoUser.New(email: null);
        using var firstBrowser = Browser();
        using var secondBrowser = Browser();

        var firstLanding = await SignInWithKakaoAsync(firstBrowser, unverified);
        var secondLanding = await SignInWithKakaoAsync(secondBrowser, withoutEmail);
        using var forRegistered = await PostFormAsync(firstBrowser, firstLanding, "kakao-email", new() { ["Input.Email"] = registered });
        using var forFresh = await PostFormAsync(secondBrowser, secondLanding, "kakao-email", new() { ["Input.Email"] = fresh });
        var registeredAnswer = Notice(await forRegistered.Content.ReadAsStringAsync(Ct), "kakao-email-sent").Replace(registered, "{email}", StringComparison.Ordinal);
        var freshAnswer = Notice(await forFresh.Content.ReadAsStringAsync(Ct), "kakao-email-sent").Replace(fresh, "{email}", StringComparison.Ordinal);

        // An unverified Kakao address proves nothing: it is asked for like a missing one.
        firstLanding.ShouldStartWith("/Account/Kakao/Email");
        secondLanding.ShouldStartWith("/Account/Kakao/Email");
        forRegistered.StatusCode.ShouldBe(HttpStatusCode.OK);
        forFresh.StatusCode.ShouldBe(forRegistered.StatusCode);
        registeredAnswer.ShouldBe(freshAnswer);
        registeredAnswer.ShouldContain("{email}(으)로 링크를 보냈습니다.");
        (await LoginsOfAsync(await UserAsync(registered))).ShouldBeEmpty();
        (await UserCountAsync(fresh)).ShouldBe(0, "nothing is made before the link is opened");
        (await IsSignedInAsync(firstBrowser)).ShouldBeFalse();
        (await IsSignedInAsync(secondBrowser)).ShouldBeFalse();
        (await MailsToAsync(registered, KakaoEmailLinkTemplate.Name)).ShouldBe(1);
        (await MailsToAsync(fresh, KakaoEmailLinkTemplate.Name)).ShouldBe(1);
    }

    [Fact]
    public async Task ShouldMakeTheConfirmedAccountOnlyWhenTheMailedLinkIsOpened_AndOnlyOnce()
    {
        var kakaoUser = KakaoStubServer.KakaoUser.New(email: null, nickname: "이메일없는고객");
        var email = UniqueEmail();
        using var kakaoBrowser = Browser();
        var landing = await SignInWithKakaoAsync(kakaoBrowser, kakaoUser);
        using var supplied = await PostFormAsync(kakaoBrowser, landing, "kakao-email", new() { ["Input.Email"] = email });
        var link = (await AccountTestKit.LinkAsync(app.Inner.Database, email, KakaoEmailLinkTemplate.Name)).OriginalString;
        using var mailbox = Browser();

        var opened = await mailbox.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        var usersWhenOpened = await UserCountAsync(email);
        using var created = await PostFormAsync(mailbox, link, "kakao-create", []);
        var again = await mailbox.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        using var replay = await PostFormAsync(mailbox, link, "kakao-create", [], tokenPage: "/Account/Login");

        opened.ShouldContain("가입 마치기");
        usersWhenOpened.ShouldBe(0, "opening the page makes nothing: a mail scanner may open links");
        created.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await IsSignedInAsync(mailbox)).ShouldBeTrue();
        var user = await UserAsync(email);
        user.EmailConfirmed.ShouldBeTrue("the link reached the address");
        user.DisplayName.ShouldBe("이메일없는고객");
        (await RolesOfAsync(user)).ShouldBe([Roles.Customer]);
        (await LoginsOfAsync(user)).ShouldBe([kakaoUser.Subject]);
        (await WelcomeCouponsOfAsync(user)).ShouldBe(1);
        again.ShouldContain("이미 사용된 링크입니다.");
        replay.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the used link's page has no form to post any more");
        (await UserCountAsync(email)).ShouldBe(1);

        using var later = Browser();
        (await SignInWithKakaoAsync(later, kakaoUser)).ShouldBe("/");
        (await IsSignedInAsync(later)).ShouldBeTrue();
    }

    [Fact]
    public async Task ShouldLinkARegisteredAddressOnlyWithItsPassword_OnThePageTheMailedLinkOpens()
    {
        var email = UniqueEmail();
        var userId = await SignUpAsync(email);
        var kakaoUser = KakaoStubServer.KakaoUser.New(email: null);
        using var kakaoBrowser = Browser();
        var landing = await SignInWithKakaoAsync(kakaoBrowser, kakaoUser);
        using var supplied = await PostFormAsync(kakaoBrowser, landing, "kakao-email", new() { ["Input.Email"] = email });
        var link = (await AccountTestKit.LinkAsync(app.Inner.Database, email, KakaoEmailLinkTemplate.Name)).OriginalString;
        using var mailbox = Browser();

        var opened = await mailbox.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        using var wrong = await PostFormAsync(mailbox, link, "kakao-confirm-link", new() { ["Input.Password"] = "not the password at all" });
        var loginsAfterWrong = await LoginsOfAsync(await UserAsync(email));
        using var right = await PostFormAsync(mailbox, link, "kakao-confirm-link", new() { ["Input.Password"] = Password });
        var again = await mailbox.GetStringAsync(new Uri(link, UriKind.Relative), Ct);

        opened.ShouldContain($"이 이메일({email})로 가입된 TicketBlue 계정이 있습니다.");
        (await wrong.Content.ReadAsStringAsync(Ct)).ShouldContain("이메일 또는 비밀번호가 맞지 않습니다.");
        loginsAfterWrong.ShouldBeEmpty();
        right.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await IsSignedInAsync(mailbox)).ShouldBeTrue();
        var user = await UserAsync(email);
        user.Id.ShouldBe(userId);
        (await LoginsOfAsync(user)).ShouldBe([kakaoUser.Subject]);
        again.ShouldContain("이미 사용된 링크입니다.");
    }

    [Fact]
    public async Task ShouldRefuseTheMailedLink30MinutesAfterItWasSent()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var clocked = app.Inner.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock)));
        var email = UniqueEmail();
        await using (var scope = clocked.Services.CreateAsyncScope())
        {
            var kakaoLogin = new ExternalLoginInfo(new ClaimsPrincipal(new ClaimsIdentity("Kakao")), "Kakao", KakaoStubServer.KakaoUser.New(null).Subject, "카카오");
            await scope.ServiceProvider.GetRequiredService<KakaoEmailLinks>().SendAsync(kakaoLogin, email, new Uri("http://localhost/"), Ct);
        }

        var link = (await AccountTestKit.LinkAsync(app.Inner.Database, email, KakaoEmailLinkTemplate.Name)).OriginalString;
        using var mailbox = clocked.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

        clock.Advance(KakaoEmailLinkToken.Lifespan - TimeSpan.FromSeconds(1));
        var inTime = await mailbox.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        clock.Advance(TimeSpan.FromSeconds(1));
        var late = await mailbox.GetStringAsync(new Uri(link, UriKind.Relative), Ct);
        using var latePost = await PostFormAsync(mailbox, link, "kakao-create", [], tokenPage: "/Account/Login");

        inTime.ShouldContain("가입 마치기");
        late.ShouldContain("이 링크는 쓸 수 없습니다.");
        late.ShouldNotContain("가입 마치기");
        latePost.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the expired link's page has no form to post any more");
        (await UserCountAsync(email)).ShouldBe(0);
    }

    [Fact]
    public async Task ShouldRefuseAForgedOrDamagedLink()
    {
        using var browser = Browser();

        var page = await browser.GetStringAsync(new Uri("/Account/Kakao/Confirm?token=bm90LWEtdG9rZW4", UriKind.Relative), Ct);

        page.ShouldContain("이 링크는 쓸 수 없습니다.");
    }

    [Fact]
    public async Task ShouldRefuseAnAdminAccount_GivenItsKakaoIdentity()
    {
        var email = UniqueEmail();
        var kakaoUser = KakaoStubServer.KakaoUser.New(email);
        await using (var scope = app.Inner.Factory.Services.CreateAsyncScope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountService>();
            (await accounts.SignUpAdminAsync(email, "관리자", Password, TicketBlueAppFactory.InvitationCode)).Succeeded.ShouldBeTrue();
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            (await users.AddLoginAsync((await users.FindByEmailAsync(email))!, new UserLoginInfo("Kakao", kakaoUser.Subject, "카카오"))).Succeeded.ShouldBeTrue();
        }

        using var browser = Browser();
        var landing = await SignInWithKakaoAsync(browser, kakaoUser);

        landing.ShouldBe("/Account/Login?external=admin");
        (await browser.GetStringAsync(new Uri(landing, UriKind.Relative), Ct)).ShouldContain("관리자 계정은 카카오로 로그인할 수 없습니다.");
        (await IsSignedInAsync(browser)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldReturnToTheSignInPageWithASentence_GivenTheCustomerCancelsAtKakao()
    {
        using var browser = Browser();

        var landing = await SignInWithKakaoAsync(browser, kakaoUser: null);

        landing.ShouldBe("/Account/Login?external=failed");
        (await browser.GetStringAsync(new Uri(landing, UriKind.Relative), Ct)).ShouldContain("카카오 로그인을 마치지 못했습니다. 다시 시도해 주세요.");
        (await IsSignedInAsync(browser)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldRefuseAForgedReturn_GivenACodeWithAStateTheAppNeverIssued()
    {
        using var browser = Browser();

        using var forged = await browser.GetAsync(new Uri("/signin-kakao?code=ABC&state=forged-state", UriKind.Relative), Ct);

        forged.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        forged.Headers.Location!.OriginalString.ShouldEndWith("/Account/Login?external=failed");
        (await IsSignedInAsync(browser)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldLetAKakaoCustomerConfirmWithKakaoBeforeWithdrawing_GivenNoPasswordToType()
    {
        var kakaoUser = KakaoStubServer.KakaoUser.New(UniqueEmail());
        using var browser = Browser();
        await SignInWithKakaoAsync(browser, kakaoUser);
        var userId = (await UserAsync(kakaoUser.Email!)).Id;

        var before = await browser.GetStringAsync(new Uri("/Account/Withdraw", UriKind.Relative), Ct);
        using var start = await PostFormAsync(browser, "/Account/Withdraw", formName: null, new() { ["returnUrl"] = "/Account/Withdraw" }, action: "/Account/External/Kakao/Reauthenticate");
        var landing = await FollowKakaoAsync(browser, start, kakaoUser);
        var after = await browser.GetStringAsync(new Uri(landing, UriKind.Relative), Ct);

        before.ShouldContain("본인 확인을 위해 카카오로 다시 로그인해 주세요.");
        before.ShouldNotContain("withdraw-password");
        app.Kakao.Authorizations.Last().Prompt.ShouldBe("login", "a fresh sign-in at Kakao, not the session Kakao remembers");
        landing.ShouldBe("/Account/Withdraw");
        (await IsRecentlyAuthenticatedAsync(userId)).ShouldBeTrue();
        after.ShouldContain("탈퇴하면 이메일, 이름, 전화번호, 비밀번호와 관람평이 바로 지워지고");
    }

    [Fact]
    public async Task ShouldNotConfirmTheCustomer_GivenAnotherKakaoIdentityAtReauthentication()
    {
        var kakaoUser = KakaoStubServer.KakaoUser.New(UniqueEmail());
        var stranger = KakaoStubServer.KakaoUser.New(UniqueEmail());
        using var browser = Browser();
        await SignInWithKakaoAsync(browser, kakaoUser);
        var userId = (await UserAsync(kakaoUser.Email!)).Id;

        using var start = await PostFormAsync(browser, "/Account/Withdraw", formName: null, new() { ["returnUrl"] = "/Account/Withdraw" }, action: "/Account/External/Kakao/Reauthenticate");
        var landing = await FollowKakaoAsync(browser, start, stranger);

        landing.ShouldBe("/Account/Withdraw?external=failed");
        (await IsRecentlyAuthenticatedAsync(userId)).ShouldBeFalse();
        (await browser.GetStringAsync(new Uri(landing, UriKind.Relative), Ct)).ShouldContain("카카오 로그인을 마치지 못했습니다.");
    }

    [Fact]
    public async Task ShouldShowTheKakaoButtonOnTheSignInAndSignUpPages()
    {
        using var browser = Browser();

        (await browser.GetStringAsync(new Uri("/Account/Login", UriKind.Relative), Ct)).ShouldContain("data-testid=\"kakao-login\"");
        (await browser.GetStringAsync(new Uri("/Account/Register", UriKind.Relative), Ct)).ShouldContain("카카오 로그인");
    }

    /// <summary>
    /// Presses 카카오 로그인 on the sign-in page and follows every redirect through "Kakao" and back;
    /// returns the app path the visitor finally lands on.
    /// </summary>
    private async Task<string> SignInWithKakaoAsync(HttpClient browser, KakaoStubServer.KakaoUser? kakaoUser, string returnUrl = "/")
    {
        using var start = await PostFormAsync(browser, "/Account/Login", formName: null, new() { ["returnUrl"] = returnUrl }, action: "/Account/External/Kakao");
        return await FollowKakaoAsync(browser, start, kakaoUser);
    }

    /// <summary>From the app's challenge (<paramref name="start"/>) through "Kakao" as <paramref name="kakaoUser"/> and back.</summary>
    private async Task<string> FollowKakaoAsync(HttpClient browser, HttpResponseMessage start, KakaoStubServer.KakaoUser? kakaoUser)
    {
        app.Kakao.NextUser = kakaoUser;
        start.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var authorize = start.Headers.Location!;
        authorize.Authority.ShouldBe(app.Kakao.Authority.Authority);

        using var kakao = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false });
        using var consent = await kakao.GetAsync(authorize, Ct);
        consent.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var next = consent.Headers.Location!.PathAndQuery;
        for (var hop = 0; hop < 5; hop++)
        {
            using var answer = await browser.GetAsync(new Uri(next, UriKind.Relative), Ct);
            if (answer.StatusCode != HttpStatusCode.Redirect || IsPage(answer.Headers.Location!))
            {
                return answer.StatusCode == HttpStatusCode.Redirect ? PathOf(answer.Headers.Location!) : next;
            }

            next = PathOf(answer.Headers.Location!);
        }

        throw new InvalidOperationException("Too many redirects on the way back from Kakao.");
    }

    // The handler's own hops (callback, Done) are followed; a page is where the visitor lands.
    private static bool IsPage(Uri location) => !PathOf(location).StartsWith("/Account/External/", StringComparison.Ordinal) && !PathOf(location).StartsWith("/signin-kakao", StringComparison.Ordinal);

    private static string PathOf(Uri location) => location.IsAbsoluteUri ? location.PathAndQuery : "/" + location.OriginalString.TrimStart('~', '/');

    private HttpClient Browser() =>
        app.Inner.Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>Posts a form of the page at <paramref name="pagePath"/> with its antiforgery token (to <paramref name="action"/>, else the page).</summary>
    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient browser, string pagePath, string? formName, Dictionary<string, string> fields, string? action = null, string? tokenPage = null)
    {
        var page = await browser.GetStringAsync(new Uri(tokenPage ?? pagePath, UriKind.Relative), Ct);
        fields["__RequestVerificationToken"] = SignedInClient.FormToken(page);
        if (formName is not null)
        {
            fields["_handler"] = formName;
        }

        using var content = new FormUrlEncodedContent(fields);
        return await browser.PostAsync(new Uri(action ?? pagePath, UriKind.Relative), content, Ct);
    }

    private static async Task<bool> IsSignedInAsync(HttpClient browser)
    {
        using var answer = await browser.GetAsync(new Uri("/reservations", UriKind.Relative), Ct);
        return answer.StatusCode == HttpStatusCode.OK;
    }

    private async Task<string> SignUpAsync(string email)
    {
        await using var scope = app.Inner.Factory.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AccountService>().SignUpCustomerAsync(email, "기존 회원", Password);
        result.Succeeded.ShouldBeTrue();
        return result.UserId!;
    }

    private async Task<ApplicationUser> UserAsync(string email)
    {
        await using var context = app.Inner.Database.CreateContext();
        return await context.Users.AsNoTracking().SingleAsync(candidate => candidate.Email == email, Ct);
    }

    private async Task<List<string>> RolesOfAsync(ApplicationUser user)
    {
        await using var scope = app.Inner.Factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return [.. await users.GetRolesAsync((await users.FindByIdAsync(user.Id))!)];
    }

    private async Task<List<string>> LoginsOfAsync(ApplicationUser user)
    {
        await using var context = app.Inner.Database.CreateContext();
        return await context.UserLogins.Where(login => login.UserId == user.Id && login.LoginProvider == "Kakao").Select(login => login.ProviderKey).ToListAsync(Ct);
    }

    private async Task<int> MailsToAsync(string email, string template)
    {
        await using var context = app.Inner.Database.CreateContext();
        return await context.Notifications.CountAsync(notification => notification.Recipient == email && notification.Template == template, Ct);
    }

    private async Task<int> UserCountAsync(string email)
    {
        await using var context = app.Inner.Database.CreateContext();
        return await context.Users.CountAsync(candidate => candidate.Email == email, Ct);
    }

    /// <summary>The text of the element marked <c>data-testid="<paramref name="testId"/>"</c>.</summary>
    private static string Notice(string page, string testId)
    {
        var match = Regex.Match(page, $"data-testid=\"{testId}\"[^>]*>(?<text>[^<]*)<");
        match.Success.ShouldBeTrue($"the page has no {testId}");
        return WebUtility.HtmlDecode(match.Groups["text"].Value);
    }

    private async Task<int> WelcomeCouponsOfAsync(ApplicationUser user)
    {
        await using var context = app.Inner.Database.CreateContext();
        return await context.WelcomeCouponClaims.CountAsync(claim => claim.UserId == user.Id, Ct);
    }

    private async Task<bool> IsRecentlyAuthenticatedAsync(string userId)
    {
        await using var scope = app.Inner.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RecentAuthentication>().IsRecentAsync(userId);
    }

    private static string UniqueEmail() => $"kakao-{Guid.NewGuid():N}@example.com";
}

/// <summary>The app configured for 카카오 로그인 against its own <see cref="KakaoStubServer"/>.</summary>
public sealed class KakaoApp : IAsyncLifetime
{
    public KakaoStubServer Kakao { get; } = new();

    public AppWithDatabase Inner { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        await Kakao.StartAsync();
        Inner = new AppWithDatabase(Kakao.AppSettings());
        await Inner.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await Inner.DisposeAsync();
        await Kakao.DisposeAsync();
    }
}
