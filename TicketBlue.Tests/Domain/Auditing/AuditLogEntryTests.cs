using Shouldly;
using TicketBlue.Domain.Auditing;
using TicketBlue.Domain.Common;

namespace TicketBlue.Tests.Domain.Auditing;

[Trait("Category", "Unit")]
public sealed class AuditLogEntryTests
{
    private static readonly DateTimeOffset Now = DomainTestClock.Now;

    private static AuditLogEntry Record(
        string actorUserId = "admin-1",
        string actorEmail = "admin@ticketblue.kr",
        string action = "round.cancelled",
        string entityType = "Round",
        string entityId = "1000",
        string? ipAddress = "203.0.113.7") =>
        AuditLogEntry.Record(actorUserId, actorEmail, action, entityType, entityId, "{\"status\":\"Scheduled\"}", "{\"status\":\"Cancelled\"}", ipAddress, Now);

    [Fact]
    public void ShouldKeepWhoDidWhatToWhichRecordAndWhen()
    {
        var entry = AuditLogEntry.Record(" admin-1 ", " admin@ticketblue.kr ", " venue.created ", " Venue ", " 1 ", null, "{\"name\":\"블루스퀘어\"}", " 2001:db8::1 ", Now);

        entry.ActorUserId.ShouldBe("admin-1");
        entry.ActorEmail.ShouldBe("admin@ticketblue.kr");
        entry.Action.ShouldBe("venue.created");
        entry.EntityType.ShouldBe("Venue");
        entry.EntityId.ShouldBe("1");
        entry.BeforeJson.ShouldBeNull();
        entry.AfterJson.ShouldBe("{\"name\":\"블루스퀘어\"}");
        entry.IpAddress.ShouldBe("2001:db8::1");
        entry.OccurredAt.ShouldBe(Now);
    }

    [Fact]
    public void ShouldKeepBothSnapshots_GivenAnUpdate()
    {
        var entry = Record();

        entry.BeforeJson.ShouldBe("{\"status\":\"Scheduled\"}");
        entry.AfterJson.ShouldBe("{\"status\":\"Cancelled\"}");
    }

    [Fact]
    public void ShouldRefuse_GivenNoActor()
    {
        Should.Throw<DomainException>(() => Record(actorUserId: " ")).Code.ShouldBe("audit.actor");
        Should.Throw<DomainException>(() => Record(actorEmail: "")).Code.ShouldBe("audit.actor");
    }

    [Fact]
    public void ShouldRefuse_GivenNoAction()
    {
        Should.Throw<DomainException>(() => Record(action: " ")).Code.ShouldBe("audit.action");
        Should.Throw<DomainException>(() => Record(action: new string('a', 101))).Code.ShouldBe("audit.action");
    }

    [Fact]
    public void ShouldRefuse_GivenNoEntity()
    {
        Should.Throw<DomainException>(() => Record(entityType: "")).Code.ShouldBe("audit.entity");
        Should.Throw<DomainException>(() => Record(entityId: " ")).Code.ShouldBe("audit.entity");
    }

    [Fact]
    public void ShouldStoreNoAddress_GivenABlankIp()
    {
        Record(ipAddress: " ").IpAddress.ShouldBeNull();
        Record(ipAddress: null).IpAddress.ShouldBeNull();
    }

    [Fact]
    public void ShouldRefuse_GivenAnIpLongerThanAnIpv6Address()
    {
        Record(ipAddress: new string('f', 45)).IpAddress!.Length.ShouldBe(45);
        Should.Throw<DomainException>(() => Record(ipAddress: new string('f', 46))).Code.ShouldBe("audit.ip");
    }
}
