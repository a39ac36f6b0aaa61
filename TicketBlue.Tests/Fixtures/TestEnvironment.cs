namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// Where the real services for tests are. <c>scripts/test.sh</c> exports these; the defaults match
/// <c>scripts/services.sh</c>, so running tests from an IDE works once the services are started.
/// </summary>
public static class TestEnvironment
{
    public static string ServerConnectionString =>
        Environment.GetEnvironmentVariable("TICKETBLUE_TEST_DB")
        ?? "Server=127.0.0.1;Port=3307;User ID=ticketblue;Password=ticketblue";

    /// <summary>The GTID replica of <see cref="ServerConnectionString"/> (<c>scripts/services.sh</c> starts it on the primary's port + 1).</summary>
    public static string ReplicaConnectionString =>
        Environment.GetEnvironmentVariable("TICKETBLUE_TEST_REPLICA")
        ?? "Server=127.0.0.1;Port=3308;User ID=ticketblue;Password=ticketblue";

    public static string Redis =>
        Environment.GetEnvironmentVariable("TICKETBLUE_TEST_REDIS") ?? "127.0.0.1:6380";

    public static string ChromiumPath =>
        Environment.GetEnvironmentVariable("PLAYWRIGHT_CHROMIUM_PATH") ?? "/usr/bin/chromium";
}
