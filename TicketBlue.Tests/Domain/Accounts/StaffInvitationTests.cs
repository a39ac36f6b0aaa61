using Shouldly;
using TicketBlue.Domain.Accounts;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Accounts;

[Trait("Category", "Unit")]
public sealed class StaffInvitationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);
    private static readonly string Hash = new('a', StaffInvitation.TokenHashLength);

    [Fact]
    public void ShouldWorkOnce()
    {
        var invitation = StaffInvitation.Issue("gate@example.com", StaffRole.Gate, Hash, "admin-1", TimeSpan.FromDays(3), Now);

        invitation.Accept("user-1", Now.AddHours(1));

        invitation.AcceptedAt.ShouldBe(Now.AddHours(1));
        invitation.AcceptedByUserId.ShouldBe("user-1");
        Should.Throw<DomainException>(() => invitation.Accept("user-2", Now.AddHours(2))).Code.ShouldBe("invitation.used");
        invitation.AcceptedByUserId.ShouldBe("user-1");
    }

    [Fact]
    public void ShouldExpire()
    {
        var invitation = StaffInvitation.Issue("admin@example.com", StaffRole.Admin, Hash, "admin-1", TimeSpan.FromDays(3), Now);

        invitation.RefusalAt(Now.AddDays(3).AddSeconds(-1)).ShouldBeNull();
        invitation.RefusalAt(Now.AddDays(3)).ShouldBe("invitation.expired");
        Should.Throw<DomainException>(() => invitation.Accept("user-1", Now.AddDays(3))).Code.ShouldBe("invitation.expired");
        invitation.AcceptedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("", "invitation.email")]
    [InlineData("not-an-address", "invitation.email")]
    public void ShouldRefuseAnInvitationWithoutAnAddress(string email, string code) =>
        Should.Throw<DomainException>(() => StaffInvitation.Issue(email, StaffRole.Admin, Hash, "admin-1", TimeSpan.FromDays(1), Now)).Code.ShouldBe(code);

    [Fact]
    public void ShouldOpenNothingOnceRevoked()
    {
        var invitation = StaffInvitation.Issue("gate@example.com", StaffRole.Gate, Hash, "admin-1", TimeSpan.FromDays(3), Now);

        invitation.Revoke("admin-2", Now.AddHours(1));

        invitation.RevokedAt.ShouldBe(Now.AddHours(1));
        invitation.RevokedByUserId.ShouldBe("admin-2");
        invitation.RefusalAt(Now.AddHours(2)).ShouldBe("invitation.revoked");
        Should.Throw<DomainException>(() => invitation.Accept("user-1", Now.AddHours(2))).Code.ShouldBe("invitation.revoked");
        invitation.AcceptedAt.ShouldBeNull();
    }

    [Theory]
    [InlineData("used")]
    [InlineData("expired")]
    [InlineData("revoked")]
    public void ShouldRevokeOnlyAnOpenInvitation(string state)
    {
        var invitation = StaffInvitation.Issue("gate@example.com", StaffRole.Gate, Hash, "admin-1", TimeSpan.FromDays(3), Now);
        var at = Now.AddHours(1);
        switch (state)
        {
            case "used":
                invitation.Accept("user-1", at);
                break;
            case "expired":
                at = Now.AddDays(3);
                break;
            default:
                invitation.Revoke("admin-1", at);
                break;
        }

        Should.Throw<DomainException>(() => invitation.Revoke("admin-2", at)).Code.ShouldBe("invitation.not_open");
    }
}
