using Shouldly;
using TicketBlue.Infrastructure.Accounts.Dormancy;

namespace TicketBlue.Tests.Infrastructure.Accounts.Dormancy;

/// <summary><c>Accounts:*</c>: the chunk size and the dormant-account job's writers stay within what a short transaction and the database's cores can take.</summary>
[Trait("Category", "Unit")]
public sealed class AccountsOptionsTests
{
    [Theory]
    [InlineData(1, 1, true)]
    [InlineData(5_000, 2, true)]
    [InlineData(20_000, 8, true)]
    [InlineData(5_000, 0, false)]
    [InlineData(5_000, 9, false)]
    [InlineData(0, 2, false)]
    [InlineData(20_001, 2, false)]
    public void ShouldAcceptOnlySaneChunksAndWriters(int chunkSize, int writers, bool valid) =>
        new AccountsOptions { ChunkSize = chunkSize, DormancyWriters = writers }.IsValid().ShouldBe(valid);

    [Fact]
    public void ShouldConvertWithOneWriterByDefault() =>
        new AccountsOptions().DormancyWriters.ShouldBe(1);
}
