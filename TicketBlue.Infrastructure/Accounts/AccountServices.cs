using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Accounts;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the customers' own account services: 내 정보, password reset, withdrawal, the welcome coupon.</summary>
public static class AccountServices
{
    public static IHostApplicationBuilder AddAccountLifecycle(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<WelcomeCouponOptions>()
            .Bind(builder.Configuration.GetSection(WelcomeCouponOptions.Section))
            .Validate(options => options.IsValid(), "Accounts:WelcomeCoupon: Name 1 to 100 characters, Amount 1 to 1,000,000 won, ValidFor 1 to 365 days.")
            .ValidateOnStart();
        builder.Services.AddScoped<WelcomeCoupons>();
        builder.Services.AddScoped<PasswordResets>();
        builder.Services.AddScoped<AccountMails>();
        builder.Services.AddScoped<CurrentPasswords>();
        builder.Services.AddScoped<AccountProfiles>();
        builder.Services.AddScoped<AccountWithdrawals>();
        builder.Services.AddSingleton<RecentAuthentication>();

        // Open customer circuits hear of new stamps, dormancy and removals within a minute (the database registration adds every IInterceptor).
        builder.Services.AddSingleton<AccountSessionSignal>();
        builder.Services.AddSingleton<IInterceptor, AccountSessionSignalInterceptor>();
        return builder;
    }
}
