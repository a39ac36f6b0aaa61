using TicketBlue.Domain.Common;

namespace TicketBlue.Domain.Performances;

/// <summary>A performer in a performance's cast, with the role they play (배역).</summary>
public sealed class CastMember : Entity<long>
{
    private CastMember()
    {
        Role = string.Empty;
    }

    internal CastMember(long performerId, string role, int sortOrder)
    {
        PerformerId = performerId;
        Role = Guard.NotBlank(role, "cast.role", "배역을 입력해 주세요.", 100);
        SortOrder = sortOrder;
    }

    public long PerformanceId { get; private set; }

    public long PerformerId { get; private set; }

    public string Role { get; private set; }

    public int SortOrder { get; private set; }
}
