using System.Globalization;
using System.Resources;
using Shouldly;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Web;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Web.Features.Accounts;

[Trait("Category", "Unit")]
public sealed class AccountResourceTests
{
    private static readonly ResourceManager Resources = new("TicketBlue.Web.Resources.AccountResource", typeof(AccountResource).Assembly);

    [Fact]
    public void ShouldTranslateEveryKoreanStringIntoEnglish_GivenTheAccountResources()
    {
        var korean = ResourceKeys.In(Resources, CultureInfo.InvariantCulture);
        var english = ResourceKeys.In(Resources, CultureInfo.GetCultureInfo("en"));

        english.ShouldBe(korean, ignoreOrder: true);
        Resources.GetString("Manage.Title", CultureInfo.InvariantCulture).ShouldBe("내 정보");
        Resources.GetString("Manage.Title", CultureInfo.GetCultureInfo("en")).ShouldBe("My account");
    }

    [Fact]
    public void ShouldHaveWordsForEveryAccountCodeAndWithdrawalOutcome()
    {
        var codes = new[] { "account.display_name", "account.phone", AccountProfiles.EmailUnchanged }.Select(code => $"Error.{code}");
        var outcomes = Enum.GetValues<WithdrawalOutcome>().Where(outcome => outcome != WithdrawalOutcome.Withdrawn).Select(outcome => $"Withdraw.Outcome.{outcome}");
        foreach (var culture in new[] { CultureInfo.InvariantCulture, CultureInfo.GetCultureInfo("en") })
        {
            var keys = ResourceKeys.In(Resources, culture);
            foreach (var key in codes.Concat(outcomes))
            {
                keys.ShouldContain(key);
            }
        }
    }
}
