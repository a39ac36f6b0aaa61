using System.Globalization;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>
/// Options of <c>faults</c>. Defaults are the faults helper's private services (<c>TB_DB_PORT=3357
/// TB_REDIS_PORT=6393 ./scripts/services.sh start</c>, replica on 3358): the drill kills and restarts them, so it
/// refuses the shared 3307/6380.
/// </summary>
public sealed record FaultDrillOptions(
    int PrimaryPort,
    int RedisPort,
    IReadOnlyList<int> AppPorts,
    int SmtpPort,
    int SlackPort,
    int Customers,
    int Seats,
    TimeSpan Steady,
    TimeSpan ReplicaDown,
    TimeSpan RedisFrozen,
    TimeSpan PrimaryDown,
    TimeSpan NotificationsDown,
    TimeSpan Recovery,
    TimeSpan DrainLimit,
    string? AppDll)
{
    public static FaultDrillOptions Parse(string[] args)
    {
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        int Number(string key, int fallback) => int.Parse(Option(key) ?? fallback.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        TimeSpan Seconds(string key, int fallback) => TimeSpan.FromSeconds(Number(key, fallback));
        var options = new FaultDrillOptions(
            Number("--primary-port", 3357),
            Number("--redis-port", 6393),
            (Option("--app-ports") ?? "5101,5102").Split(',').Select(port => int.Parse(port, CultureInfo.InvariantCulture)).ToList(),
            Number("--smtp-port", 2526),
            Number("--slack-port", 5199),
            Number("--customers", 16),
            Number("--seats", 2000),
            Seconds("--steady-seconds", 20),
            Seconds("--replica-down-seconds", 30),
            Seconds("--redis-frozen-seconds", 10),
            Seconds("--primary-down-seconds", 10),
            Seconds("--notifications-down-seconds", 300),
            Seconds("--recovery-seconds", 15),
            Seconds("--drain-limit-seconds", 300),
            Option("--app-dll"));
        if (options.PrimaryPort == 3307 || options.RedisPort == 6380)
        {
            throw new ArgumentException("the drill kills and restarts the servers it is given: never the shared 3307/6380; start private ones with TB_DB_PORT/TB_REDIS_PORT");
        }

        if (options.AppPorts.Count != 2)
        {
            throw new ArgumentException("--app-ports takes two ports: the drill runs two app nodes");
        }

        return options;
    }

    public string ServerConnectionString => $"Server=127.0.0.1;Port={PrimaryPort};User ID=ticketblue;Password=ticketblue";

    public string ReplicaConnectionString => $"Server=127.0.0.1;Port={PrimaryPort + 1};User ID=ticketblue;Password=ticketblue";

    public string Redis => $"127.0.0.1:{RedisPort}";
}
