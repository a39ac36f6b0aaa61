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
}
