using System.Globalization;
using MySqlConnector;
using TicketBlue.Benchmarks.Catalog;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Benchmarks.Dormancy;

/// <summary>
/// Customers for the dormancy benchmark, loaded with MySqlBulkCopy (LOAD DATA LOCAL INFILE, 25,000 rows
/// a statement): every tenth is due (a year and more without signing in, told 31–60 days ago), the
/// rest signed in within the last 300 days; plus a few admins as inactive as the due customers, whom
/// the job must leave alone. Deterministic for a seed. No password work: every row shares one hash.
/// </summary>
public static class DormancyCustomerGenerator
{
    public const int Admins = 10;

    public static async Task<int> RunAsync(MySqlConnection connection, int customers, DateTimeOffset anchor, int seed)
    {
        var random = new Random(seed);
        var customerRole = Guid.NewGuid().ToString();
        var adminRole = Guid.NewGuid().ToString();
        using (var roles = new BulkTable(connection, "AspNetRoles", "Id", "Name", "NormalizedName", "ConcurrencyStamp"))
        {
            await roles.AddAsync(customerRole, Roles.Customer, "CUSTOMER", "c");
            await roles.AddAsync(adminRole, Roles.Admin, "ADMIN", "a");
            await roles.FlushAsync();
        }

        using var users = new BulkTable(connection, "AspNetUsers", "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp",
            "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "CreatedAt", "LastLoginAt", "IsDormant", "DormancyNoticedAt");
        using var userRoles = new BulkTable(connection, "AspNetUserRoles", "UserId", "RoleId");
        var due = 0;
        for (var index = 0; index < customers + Admins; index++)
        {
            var admin = index >= customers;
            var isDue = admin || index % 10 == 0;
            due += isDue && !admin ? 1 : 0;
            var id = NewGuid(random);
            var email = string.Create(CultureInfo.InvariantCulture, $"{(admin ? "admin" : "customer")}{index}@bench.ticketblue.test");
            var upper = email.ToUpperInvariant();
            var lastLogin = isDue ? anchor.AddDays(-random.Next(366, 800)) : anchor.AddDays(-random.Next(0, 300));
            DateTimeOffset? noticed = isDue ? anchor.AddDays(-random.Next(31, 61)) : null;
            await users.AddAsync(
                id, email, upper, email, upper, true, "AQAAAAIAAzUQAAAAEBench", "STAMP", "CONCURRENCY",
                string.Create(CultureInfo.InvariantCulture, $"010-{random.Next(1000, 10000)}-{random.Next(1000, 10000)}"), false, false, true, 0,
                string.Create(CultureInfo.InvariantCulture, $"고객{index}"), lastLogin.AddDays(-random.Next(1, 400)).UtcDateTime, lastLogin.UtcDateTime, false, noticed?.UtcDateTime);
            await userRoles.AddAsync(id, admin ? adminRole : customerRole);
        }

        await users.FlushAsync();
        await userRoles.FlushAsync();
        return due;
    }

    private static string NewGuid(Random random)
    {
        Span<byte> bytes = stackalloc byte[16];
        random.NextBytes(bytes);
        return new Guid(bytes).ToString();
    }
}
