using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Hosting;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Persistence;
using TicketBlue.Infrastructure.Persistence.Replication;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers everything TicketBlue.Infrastructure provides: database, Identity stores, Redis, files.</summary>
public static class DependencyInjection
{
    /// <summary>MariaDB 10.11, named explicitly rather than auto-detected (Pomelo's advice for migrations).</summary>
    public static readonly MariaDbServerVersion ServerVersion = new(new Version(10, 11));

    public static IHostApplicationBuilder AddInfrastructure(this IHostApplicationBuilder builder)
    {
        // First: a deployment that would run development conveniences stops before anything starts.
        DeploymentSafety.EnsureSafe(builder.Configuration, builder.Environment);
        builder.Services.AddBusinessMetrics();
        builder.AddDatabase();
        builder.AddIdentityStores();
        builder.AddDormancy();
        builder.AddAccountLifecycle();
        builder.AddRedis();
        builder.AddBlobStorage();
        builder.AddBooking();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<AccountService>();
        builder.Services.AddScoped<StaffTwoFactor>();
        builder.Services.AddOptions<SignInThrottleOptions>()
            .Bind(builder.Configuration.GetSection(SignInThrottleOptions.Section))
            .Validate(options => options.IsValid(), "SignInThrottle: free attempts ≥ 1 (per account ≥ per address), delays > 0 with ceilings ≥ FirstDelay, ForgetAfter ≥ both ceilings.")
            .ValidateOnStart();
        builder.Services.AddSingleton<SignInThrottle>();
        builder.Services.AddOptions<AdminInvitationOptions>().Bind(builder.Configuration.GetSection(AdminInvitationOptions.Section));
        builder.Services.AddOptions<StaffInvitationOptions>()
            .Bind(builder.Configuration.GetSection(StaffInvitationOptions.Section))
            .Validate(options => options.IsValid(), "StaffInvitations: ValidFor between 01:00:00 and 14.00:00:00.")
            .ValidateOnStart();
        builder.Services.AddSingleton<StaffInvitations>();
        builder.Services.AddSingleton<StaffMembers>();
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
        var database = builder.Configuration.GetSection(DatabaseOptions.Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
        var connectionString = AppConnectionString(
            builder.Configuration.GetConnectionString("TicketBlue") ?? throw new InvalidOperationException("Connection string 'ConnectionStrings:TicketBlue' is missing."),
            database.ConnectTimeout);
        builder.Services.AddOptions<DatabaseOptions>()
            .Bind(builder.Configuration.GetSection(DatabaseOptions.Section))
            .Validate(options => options.IsValid(), "Database: ConnectTimeout 1–30 s, CommandTimeout 1 s–1 h, BreakFor above zero and at most 5 min.")
            .ValidateOnStart();

        // Primary down: requests fail within the connect time-out, then at once while the circuit is open.
        builder.Services.AddSingleton<DatabaseCircuit>();
        builder.Services.AddSingleton<IInterceptor, DatabaseCircuitInterceptor>();

        // One context per operation: Blazor Server circuits live long, a DbContext must not.
        // Interceptors registered by other parts (search's catalogue change capture) join every context.
        builder.Services.AddDbContextFactory<TicketBlueDbContext>((provider, options) => options
            .UseMySql(
                connectionString,
                ServerVersion,
                mySql => mySql.MigrationsHistoryTable("__EFMigrationsHistory").CommandTimeout(WholeSeconds(database.CommandTimeout)))
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

    /// <summary>The app's connection string with the connect time-out of <see cref="DatabaseOptions.ConnectTimeout"/>.</summary>
    public static string AppConnectionString(string configured, TimeSpan connectTimeout) =>
        new MySqlConnector.MySqlConnectionStringBuilder(AppConnectionString(configured)) { ConnectionTimeout = (uint)WholeSeconds(connectTimeout) }.ConnectionString;

    private static int WholeSeconds(TimeSpan duration) => Math.Max(1, (int)Math.Ceiling(duration.TotalSeconds));

    private static void AddIdentityStores(this IHostApplicationBuilder builder)
    {
        builder.Services.AddIdentityCore<ApplicationUser>(IdentityPolicy.Apply)
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<TicketBlueDbContext>()
            .AddSignInManager()
            .AddClaimsPrincipalFactory<TicketBlueClaimsPrincipalFactory>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName)
            .AddUserValidator<DormantEmailValidator>();

        builder.Services.AddSingleton<IEmailConfirmations, EmailConfirmations>();
        builder.Services.AddSingleton<StaffSessionActivity>();
        builder.Services.AddScoped<StaffSessionCheck>();

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

        // Every app node must read every other node's cookies and antiforgery tokens: share the keys,
        // encrypted with the configured certificate (required outside Development, DeploymentSafety).
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("TicketBlue")
            .PersistKeysToStackExchangeRedis(() => multiplexer.Value.GetDatabase(), "tb:data-protection-keys");
        if (KeyEncryptionOptions.Load(builder.Configuration) is { } certificate)
        {
            dataProtection.ProtectKeysWithCertificate(certificate);
        }
        builder.Services.AddHealthChecks()
            .AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(), "redis", tags: ["ready"]);
    }
}
