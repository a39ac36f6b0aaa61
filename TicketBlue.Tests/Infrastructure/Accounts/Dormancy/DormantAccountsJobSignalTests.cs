using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Shouldly;
using StackExchange.Redis;
using TicketBlue.Infrastructure.Accounts;
using TicketBlue.Infrastructure.Accounts.Dormancy;
using TicketBlue.Infrastructure.Jobs;
using TicketBlue.Tests.Fixtures;

namespace TicketBlue.Tests.Infrastructure.Accounts.Dormancy;

/// <summary>
/// The dormancy job converts accounts by SQL, past EF's change tracking, so it tells open pages itself:
/// a circuit of a converted account meets the change at its next minute check (issue 16). Real MariaDB and Redis.
/// </summary>
[Trait("Category", "Integration")]
public sealed class DormantAccountsJobSignalTests(DormancyDatabase db) : IClassFixture<DormancyDatabase>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task ShouldSignalTheAccountsItConverts_ToTheirOpenPages()
    {
        await db.ResetAsync();
        var account = new TestAccount($"user-open-{Guid.NewGuid():N}", DormancyDatabase.Now.AddDays(-900), DormancyDatabase.Now.AddDays(-400), DormancyDatabase.Now.AddDays(-40));
        await db.AddAccountAsync(account);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(TestEnvironment.Redis);
        var identity = new IdentityOptions();
        var signal = new AccountSessionSignal(redis, Options.Create(identity), NullLogger<AccountSessionSignal>.Instance);
        var openPage = new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(identity.ClaimsIdentity.UserIdClaimType, account.Id), new Claim(identity.ClaimsIdentity.SecurityStampClaimType, "STAMP")], "Identity.Application"));
        var before = await signal.HasChangedAsync(openPage);

        var chunk = await new DormantAccountsJob(db.Contexts, DormancyDatabase.Options(10), DormancyDatabase.LookupKey, signal)
            .RunChunkAsync(new JobRunContext(1, DormancyDatabase.Now, null), Ct);

        chunk.ShouldBe(JobChunk.Finished(1));
        before.ShouldBeFalse();
        (await signal.HasChangedAsync(openPage)).ShouldBeTrue();
    }
}
