using System.Globalization;

namespace TicketBlue.Benchmarks;

/// <summary>Command-line options shared by the benchmarks.</summary>
public sealed record BenchmarkArguments(string Name, int Runs, int Seats, string ServerConnectionString)
{
    public static BenchmarkArguments Parse(string[] args)
    {
        var name = args.FirstOrDefault() ?? string.Empty;
        string? Option(string key) => args.SkipWhile(arg => arg != key).Skip(1).FirstOrDefault();
        return new BenchmarkArguments(
            name,
            int.Parse(Option("--runs") ?? "15", CultureInfo.InvariantCulture),
            int.Parse(Option("--seats") ?? "2000", CultureInfo.InvariantCulture),
            Option("--server") ?? Environment.GetEnvironmentVariable("TICKETBLUE_TEST_DB") ?? "Server=127.0.0.1;Port=3307;User ID=ticketblue;Password=ticketblue");
    }
}
