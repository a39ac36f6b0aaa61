using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Identity;
using TicketBlue.Infrastructure.Identity.Dormancy;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;
using TicketBlue.Infrastructure.Seeding;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers everything TicketBlue.Infrastructure provides: database, Identity stores, Redis, files.</summary>
public static class DependencyInjection
{
    /// <summary>MariaDB 10.11, named explicitly rather than auto-detected (Pomelo's advice for migrations).</summary>
    public static readonly MariaDbServerVersion ServerVersion = new(new Version(10, 11));

    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        builder.AddDatabase();
        builder.AddIdentityStores();
        builder.AddDormancy();
        builder.AddRedis();
        builder.AddBlobStorage();
        builder.AddBooking();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<DemoDataSeeder>();
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddOptions<SignInThrottleOptions>()
            .Bind(builder.Configuration.GetSection(SignInThrottleOptions.Section))
            .Validate(options => options.IsValid(), "SignInThrottle: free attempts ≥ 1 (per account ≥ per address), delays > 0 with ceilings ≥ FirstDelay, ForgetAfter ≥ both ceilings.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddOptions<AdminInvitationOptions>().Bind(builder.Configuration.GetSection(AdminInvitationOptions.Section));
        builder.AddPayments();
        builder.AddCheckout();
        builder.AddTickets();
        builder.AddNotifications();
        builder.AddCheckout();
        builder.AddCancellations();
        builder.AddSearch();
        builder.AddPerformances();
        builder.AddCaching();
        builder.AddWaitingRoom();
        builder.AddBatchJobs();
        return builder;
    }

    private static void AddDatabase(this IHostApplicationBuilder builder)
    {
        var connectionString = AppConnectionString(builder.Configuration.GetConnectionString("TicketBlue")
            ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:TicketBlue' is missing."));
        builder.Services.AddOptions<DatabaseOptions>().Bind(builder.Configuration.GetSection(DatabaseOptions.Section));

        // One context per operation: Blazor Server circuits live long, a DbContext must not.
        // Interceptors registered by other parts (search's catalogue change capture) join every context.
        builder.Services.AddDbContextFactory<TicketBlueDbContext>((provider, options) => options
            .UseMySql(
                connectionString,
                ServerVersion,
                mySql => mySql.MigrationsHistoryTable("__EFMigrationsHistory").CommandTimeout(30))
            .AddInterceptors(provider.GetServices<IInterceptor>()));
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<TicketBlueDbContext>("mariadb", tags: ["ready"]);
        builder.AddReplicaReads(connectionString);
    }

    /// <summary>
    /// The app never loads files into the database (<c>LOAD DATA LOCAL</c> is for the benchmarks' and tests'
    /// generators, on their own connections), so the option that lets a server ask the client for any local
    /// file is off whatever the configuration says.
    /// </summary>
    public static string AppConnectionString(string configured) =>
        new MySqlConnector.MySqlConnectionStringBuilder(configured) { AllowLoadLocalInfile = false }.ConnectionString;

    private static void AddIdentityStores(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<ApplicationUser>(IdentityPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TicketBlueDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<TicketBlueClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddUserValidator<DormantEmailValidator>();

        builder.Services.AddSingleton<IEmailConfirmations, EmailConfirmations>();

        // OWASP: PBKDF2-HMAC-SHA512 needs at least 210,000 iterations (Identity's default is 100,000).
        builder.Services.Configure<PasswordHasherOptions>(options => options.IterationCount = IdentityPolicy.PasswordHashIterations);
    }

    private static void AddRedis(this IHostApplicationBuilder builder)
    {
        var configuration = builder.Configuration.GetConnectionString("Redis")
            ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:Redis' is missing.");
        var options = ConfigurationOptions.Parse(configuration);
        options.AbortOnConnectFail = false;
        options.ClientName = "ticketblue";
        var multiplexer = new Lazy<IConnectionMultiplexer>(() => ConnectionMultiplexer.Connect(options));
        builder.Services.AddSingleton(_ => multiplexer.Value);

        // Every app node must read every other node's cookies and antiforgery tokens: share the keys.
        builder.Services.AddDataProtection()
            .SetApplicationName("TicketBlue")
            .PersistKeysToStackExchangeRedis(() => multiplexer.Value.GetDatabase(), "tb:data-protection-keys");
        builder.Services.AddHealthChecks()
            .AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: ["ready"]);
    }
}
