using Bogus;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using MySqlConnector;
using TicketBlue.Infrastructure.Accounts;

namespace TicketBlue.Benchmarks.Catalog;

/// <summary>
/// Customer accounts with Korean names (Bogus "ko"), unique e-mails and mobile numbers, all sharing
/// one password hash (PBKDF2 at the app's iteration count, computed once), plus one admin account.
/// </summary>
public static class CustomerGenerator
{
    public const string Password = "catalog-bench-password-2026";
    public const string AdminEmail = "admin@bench.ticketblue.test";

    private static readonly string[] Domains = ["naver.com", "gmail.com", "daum.net", "kakao.com", "hanmail.net", "nate.com"];

    public static async Task<long> RunAsync(MySqlConnection connection, CatalogPlan plan, Random random)
    {
        var hash = new PasswordHasher<ApplicationUser>(Options.Create(new PasswordHasherOptions { IterationCount = IdentityPolicy.PasswordHashIterations }))
            .HashPassword(new ApplicationUser(), Password);
        var korean = new Faker("ko") { Random = new Randomizer(random.Next()) };
        var english = new Faker("en") { Random = new Randomizer(random.Next()) };

        using var roles = new BulkTable(connection, "AspNetRoles", "Id", "Name", "NormalizedName", "ConcurrencyStamp");
        var customerRole = CatalogPlan.NewGuid(random).ToString();
        var adminRole = CatalogPlan.NewGuid(random).ToString();
        await roles.AddAsync(customerRole, Roles.Customer, Roles.Customer.ToUpperInvariant(), CatalogPlan.NewGuid(random).ToString());
        await roles.AddAsync(adminRole, Roles.Admin, Roles.Admin.ToUpperInvariant(), CatalogPlan.NewGuid(random).ToString());
        await roles.FlushAsync();

        using var users = new BulkTable(connection, "AspNetUsers", "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "PasswordHash", "SecurityStamp",
            "ConcurrencyStamp", "PhoneNumber", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount", "DisplayName", "CreatedAt", "LastLoginAt", "IsDormant");
        using var userRoles = new BulkTable(connection, "AspNetUserRoles", "UserId", "RoleId");
        for (var index = 0; index < plan.Counts.Customers; index++)
        {
            var id = CatalogPlan.NewGuid(random).ToString();
            plan.CustomerIds[index] = id;
            var local = new string(english.Internet.UserName().Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
            var email = $"{local}{index}@{Domains[random.Next(Domains.Length)]}";
            var name = korean.Name.LastName() + korean.Name.FirstName();
            var phone = $"010-{random.Next(1000, 10000)}-{random.Next(1000, 10000)}";
            var createdAt = plan.Anchor.AddDays(-random.Next(30, 1000));
            await users.AddAsync(id, email, email.ToUpperInvariant(), email, email.ToUpperInvariant(), true, hash, Stamp(random), CatalogPlan.NewGuid(random).ToString(),
                phone, false, false, true, 0, name, createdAt, plan.Anchor.AddDays(-random.Next(0, 30)), false);
            await userRoles.AddAsync(id, customerRole);
        }

        var admin = CatalogPlan.NewGuid(random).ToString();
        await users.AddAsync(admin, AdminEmail, AdminEmail.ToUpperInvariant(), AdminEmail, AdminEmail.ToUpperInvariant(), true, hash, Stamp(random), CatalogPlan.NewGuid(random).ToString(),
            null, false, false, true, 0, "벤치마크 관리자", plan.Anchor.AddYears(-3), null, false);
        await userRoles.AddAsync(admin, adminRole);
        await users.FlushAsync();
        await userRoles.FlushAsync();
        return roles.Written + users.Written + userRoles.Written;
    }

    private static string Stamp(Random random) => CatalogPlan.NewGuid(random).ToString("N").ToUpperInvariant();
}
