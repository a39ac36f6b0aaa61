using System.Net;
using Shouldly;
using TicketBlue.Infrastructure.Notifications.Templates;
using TicketBlue.Tests.Fixtures;
using static TicketBlue.Tests.Infrastructure.Accounts.AccountTestKit;

namespace TicketBlue.Tests.Infrastructure.Accounts;

/// <summary>
/// 내 정보's e-mail change on the real app: the link goes to the new address only, the address changes when
/// it is opened (once), sign-in then takes the new address and not the old one, and an address another
/// account uses gets no mail while the page answers the same.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EmailChangeTests(AppWithDatabase app) : IClassFixture<AppWithDatabase>
{
    [Fact]
    public async Task ShouldChangeTheSignInAddressOnceItsLinkIsOpened_AndOnlyOnce()
    {
        var oldEmail = UniqueEmail("change-old");
        var newEmail = UniqueEmail("change-new");
        await CustomerAsync(app.Factory.Services, oldEmail);
        using var client = await SignedInClient.CreateAsync(app.Factory, oldEmail, Password);

        using var requested = await PostFormAsync(client, "/Account/Manage", "manage-email", new Dictionary<string, string> { ["Email.NewEmail"] = newEmail });
        var requestedPage = await requested.Content.ReadAsStringAsync(Ct);
        var mailsToOld = await MailsAsync(app.Database, oldEmail, EmailChangeTemplate.Name);
        var link = await LinkAsync(app.Database, newEmail, EmailChangeTemplate.Name);
        var stillOldBeforeTheLink = await SignsInAsync(oldEmail);

        var opened = await client.GetStringAsync(link, Ct);
        var openedAgain = await client.GetStringAsync(link, Ct);

        requested.StatusCode.ShouldBe(HttpStatusCode.OK);
        requestedPage.ShouldContain("새 주소로 인증 링크를 보냈습니다.");
        mailsToOld.ShouldBe(0);
        stillOldBeforeTheLink.ShouldBeTrue();
        opened.ShouldContain("이메일을 바꿨습니다");
        openedAgain.ShouldContain("이메일 변경 링크를 쓸 수 없습니다");
        (await SignsInAsync(newEmail)).ShouldBeTrue();
        (await SignsInAsync(oldEmail)).ShouldBeFalse();
    }

    [Fact]
    public async Task ShouldSendNothing_GivenAnAddressAnotherAccountUses()
    {
        var email = UniqueEmail("change-mine");
        var taken = UniqueEmail("change-taken");
        await CustomerAsync(app.Factory.Services, email);
        await CustomerAsync(app.Factory.Services, taken);
        using var client = await SignedInClient.CreateAsync(app.Factory, email, Password);

        using var requested = await PostFormAsync(client, "/Account/Manage", "manage-email", new Dictionary<string, string> { ["Email.NewEmail"] = taken });

        requested.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await requested.Content.ReadAsStringAsync(Ct)).ShouldContain("새 주소로 인증 링크를 보냈습니다.");
        (await MailsAsync(app.Database, taken, EmailChangeTemplate.Name)).ShouldBe(0);
        (await SignsInAsync(email)).ShouldBeTrue();
    }

    private async Task<bool> SignsInAsync(string email)
    {
        try
        {
            using var client = await SignedInClient.CreateAsync(app.Factory, email, Password);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
