using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Web.Features.Admin.Staff;

public interface IListStaffHandler
{
    Task<IReadOnlyList<StaffMember>> HandleAsync(CancellationToken cancellationToken);
}

/// <summary>Everyone who holds a staff role (admins, gate staff), with their roles.</summary>
public sealed class ListStaffHandler(StaffMembers staff) : IListStaffHandler
{
    public Task<IReadOnlyList<StaffMember>> HandleAsync(CancellationToken cancellationToken) => staff.ListAsync(cancellationToken);
}
