using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Jobs;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers dormant accounts: the policy's options, the e-mail lookup key, the separated data's store and the three jobs.</summary>
public static class DormancyServices
{
    public static IHostApplicationBuilder AddDormancy(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddOptions<AccountsOptions>()
            .Bind(builder.Configuration.GetSection(AccountsOptions.Section))
            .Validate(
                options => options.IsValid(),
                "Accounts: DormantAfter 30 days to 3 years, DormancyNoticeBefore at least a day and shorter than it, DormantDataRetention at least 30 days, ContractRecordRetention at least 5 years, ComplaintRecordRetention at least 3 years, ChunkSize 1 to 20,000, DormancyWriters 1 to 8.")
            .ValidateOnStart();
        builder.Services.AddSingleton(DormantLookupKey.FromConfiguration(builder.Configuration, builder.Environment));
        builder.Services.AddScoped<DormantPersonalDataStore>();

        builder.Services.AddScoped<DormantAccountsJob>();
        builder.Services.AddScoped<DormancyNoticesJob>();
        builder.Services.AddScoped<PersonalDataDestructionJob>();
        builder.Services.AddScoped<IBatchJob>(provider => provider.GetRequiredService<DormantAccountsJob>());
        builder.Services.AddScoped<IBatchJob>(provider => provider.GetRequiredService<DormancyNoticesJob>());
        builder.Services.AddScoped<IBatchJob>(provider => provider.GetRequiredService<PersonalDataDestructionJob>());
        return builder;
    }
}
