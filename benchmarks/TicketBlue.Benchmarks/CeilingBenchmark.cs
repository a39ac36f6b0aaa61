using System.Globalization;
using MySqlConnector;

namespace TicketBlue.Benchmarks;

/// <summary>
/// The raw conditional-UPDATE ceiling on its own (the rush measures it too, in the same run): to
/// re-check the figure in the shared stack notes, or to see how much of it the machine gives today.
/// </summary>
public static class CeilingBenchmark
{
    private const string Database = "ticketblue_bench_ceiling";

    public static async Task<int> RunAsync(BenchmarkArguments arguments)
    {
        var options = arguments.Rush;
        await Sql.ExecuteAsync(arguments.ServerConnectionString, $"DROP DATABASE IF EXISTS `{Database}`");
        await Sql.ExecuteAsync(arguments.ServerConnectionString, $"CREATE DATABASE `{Database}`");
        try
        {
            var connection = new MySqlConnectionStringBuilder(arguments.ServerConnectionString) { Database = Database }.ConnectionString;
            var port = new MySqlConnectionStringBuilder(connection).Port;
            var mariaDb = CpuSampler.FindProcess("mariadbd", $"--port={port}");
            var processes = new List<(string Name, int Pid)> { ("benchmark", Environment.ProcessId) };
            if (mariaDb is { } pid)
            {
                processes.Insert(0, ("MariaDB", pid));
            }

            var ceiling = await UpdateCeiling.RunAsync(connection, options.DbConnections, options.CeilingSeconds, options.CeilingRows, options.Seed, new CpuSampler(processes));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ceiling: {ceiling.UpdatesPerSecond:N0} conditional UPDATEs/s from {ceiling.Connections} connections over {ceiling.Window.TotalSeconds:F0} s; held rows {ceiling.HeldRows:N0} / successes {ceiling.Successes:N0}{(ceiling.RanOutOfRows ? "; ran out of rows" : string.Empty)}"));
            Console.WriteLine($"CPU: {ceiling.Cpu.Describe()}");
            return ceiling.Consistent ? 0 : 1;
        }
        finally
        {
            await Sql.ExecuteAsync(arguments.ServerConnectionString, $"DROP DATABASE IF EXISTS `{Database}`");
        }
    }
}
