using System.Data.Common;
using System.Text;
using TicketBlue.Infrastructure.Persistence;

namespace TicketBlue.Infrastructure.Accounts.Dormancy;

/// <summary>SQL fragments the dormancy statements share, so "a customer" and "a chunk of ids" are written once.</summary>
internal static class AccountRows
{
    /// <summary>Admins are never made dormant nor told they will be: the account has no Admin role.</summary>
    public const string NotAdmin =
        $"NOT EXISTS (SELECT 1 FROM AspNetUserRoles ur JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE ur.UserId = u.Id AND r.NormalizedName = '{AdminRoleNormalized}')";

    /// <summary>The keyset condition after <c>@afterAt</c>/<c>@afterId</c>, written so MariaDB reads a range of the activity index.</summary>
    public const string AfterKeyset = "u.LastActiveAt >= @afterAt AND (u.LastActiveAt > @afterAt OR u.Id > @afterId)";

    private const string AdminRoleNormalized = "ADMIN";

    public static void AddKeyset(DbCommand command, ActivityKeyset after)
    {
        SqlCommands.Add(command, "@afterAt", after.LastActiveAt.UtcDateTime);
        SqlCommands.Add(command, "@afterId", after.UserId);
    }

    /// <summary>Adds <c>@id0…@idN</c> for <paramref name="ids"/> and returns the list for an <c>IN (…)</c>.</summary>
    public static string AddIds(DbCommand command, IReadOnlyList<string> ids)
    {
        var list = new StringBuilder(ids.Count * 8);
        for (var index = 0; index < ids.Count; index++)
        {
            var name = "@id" + index.ToString(System.Globalization.CultureInfo.InvariantCulture);
            list.Append(index == 0 ? string.Empty : ",").Append(name);
            SqlCommands.Add(command, name, ids[index]);
        }

        return list.ToString();
    }

    public static DateTimeOffset ReadUtc(DbDataReader reader, int ordinal) =>
        new(DateTime.SpecifyKind(reader.GetDateTime(ordinal), DateTimeKind.Utc));
}
