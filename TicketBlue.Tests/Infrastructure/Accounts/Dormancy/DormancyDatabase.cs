using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketBlue.Domain.Accounts;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts.Dormancy;

/// <summary>
/// A migrated test database with the two roles, and accounts written straight into it with the dates a
/// dormancy test needs (no password work: the jobs never look at passwords). Tests of one class share
/// it and start from <see cref="ResetAsync"/>.
/// </summary>
public sealed class DormancyDatabase : IAsyncLifetime
{
    /// <summary>Every run of these tests starts at this instant (2027-03-01 09:00 KST).</summary>
    public static readonly DateTimeOffset Now = new(2027, 3, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly DormancyPolicy Policy = DormancyPolicy.Default;

    /// <summary>Bytes above 0x7F too: the key's pads are not text, and the SQL must treat them as bytes.</summary>
    public static readonly DormantLookupKey LookupKey = new(Enumerable.Range(0, 32).Select(value => (byte)(0x90 + (value * 3))).ToArray());

    private const string CustomerRoleId = "role-customer";
    private const string AdminRoleId = "role-admin";

    public MariaDbDatabase Database { get; } = new();

    public TestDbContextFactory Contexts => new(Database);

    public async ValueTask InitializeAsync()
    {
        await Database.InitializeAsync();
        await Database.MigrateAsync();
        await ExecuteAsync(
            $"INSERT INTO AspNetRoles (Id, Name, NormalizedName, ConcurrencyStamp) VALUES ('{CustomerRoleId}', '{Roles.Customer}', 'CUSTOMER', 'x'), ('{AdminRoleId}', '{Roles.Admin}', 'ADMIN', 'y')");
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    public static IOptions<AccountsOptions> Options(int chunkSize, int writers = 2) => Microsoft.Extensions.Options.Options.Create(new AccountsOptions { ChunkSize = chunkSize, DormancyWriters = writers });

    /// <summary>Removes every account (their roles and separated data go with them), the outbox and the audit log.</summary>
    public Task ResetAsync() =>
        ExecuteAsync("DELETE FROM Notifications; DELETE FROM AuditLog; DELETE FROM DormantPersonalData; DELETE FROM AspNetUserRoles; DELETE FROM AspNetUsers;");

    public async Task<string> AddAccountAsync(TestAccount account)
    {
        ArgumentNullException.ThrowIfNull(account);
        await using var connection = new MySqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """
            INSERT INTO AspNetUsers (Id, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed, PasswordHash, SecurityStamp, ConcurrencyStamp,
                                     PhoneNumber, PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount, DisplayName, CreatedAt, LastLoginAt, IsDormant, DormancyNoticedAt)
            VALUES (@id, @email, UPPER(@email), @email, UPPER(@email), 1, 'hash', 'STAMP', 'concurrency', @phone, 0, 0, 1, 0, @name, @created, @login, 0, @noticed);
            INSERT INTO AspNetUserRoles (UserId, RoleId) VALUES (@id, @role);
            """;
        command.Parameters.AddWithValue("@id", account.Id);
        command.Parameters.AddWithValue("@email", account.Email);
        command.Parameters.AddWithValue("@phone", account.Phone);
        command.Parameters.AddWithValue("@name", account.Name);
        command.Parameters.AddWithValue("@created", account.CreatedAt.UtcDateTime);
        command.Parameters.AddWithValue("@login", (object?)account.LastLoginAt?.UtcDateTime ?? DBNull.Value);
        command.Parameters.AddWithValue("@noticed", (object?)account.NoticedAt?.UtcDateTime ?? DBNull.Value);
        command.Parameters.AddWithValue("@role", account.IsAdmin ? AdminRoleId : CustomerRoleId);
        await command.ExecuteNonQueryAsync();
        return account.Id;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new MySqlConnection(Database.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public async Task<IReadOnlyList<string>> DormantIdsAsync()
    {
        await using var context = Database.CreateContext();
        return await context.Users.Where(user => user.IsDormant).Select(user => user.Id).OrderBy(id => id).ToListAsync();
    }
}

/// <summary>An account as a dormancy test needs it: its dates, role and personal data.</summary>
public sealed record TestAccount(string Id, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt, DateTimeOffset? NoticedAt, bool IsAdmin = false)
{
    public string Email => $"{Id}@example.com";

    public string Name => "휴면" + Id[^3..];

    public string Phone => "010-1234-" + Id[^4..].PadLeft(4, '0');

    public DateTimeOffset LastActivity => DormancyPolicy.LastActivity(CreatedAt, LastLoginAt);

    /// <summary>
    /// Accounts over every edge of the rules: activity from long ago to recent, exactly on the bounds,
    /// never signed in, notices missing, older than the activity, recent and exactly on time; admins too.
    /// </summary>
    public static IReadOnlyList<TestAccount> Grid(DateTimeOffset now)
    {
        var activities = new[] { -800, -400, -366, -365, -364, -340, -335, -334, -100 }.Select(days => now.AddDays(days)).ToList();
        var accounts = new List<TestAccount>();
        var number = 0;
        foreach (var activity in activities)
        {
            DateTimeOffset?[] notices = [null, activity.AddDays(-1), activity, now.AddDays(-31), now.AddDays(-30), now.AddDays(-29), now];
            foreach (var noticed in notices)
            {
                foreach (var neverSignedIn in new[] { false, true })
                {
                    var created = neverSignedIn ? activity : activity.AddDays(-50);
                    accounts.Add(new TestAccount($"user-{number++:D4}", created, neverSignedIn ? null : activity, noticed, IsAdmin: number % 11 == 0));
                }
            }
        }

        return accounts;
    }
}
