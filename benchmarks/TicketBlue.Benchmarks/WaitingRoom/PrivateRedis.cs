using System.Diagnostics;
using System.Globalization;
using StackExchange.Redis;

namespace TicketBlue.Benchmarks.WaitingRoom;

/// <summary>
/// A redis-server of the benchmark's own on a loopback port, without persistence: Redis's command
/// counts and memory then belong to this run alone, not to tests or other apps sharing the usual one.
/// </summary>
public sealed class PrivateRedis : IAsyncDisposable
{
    private readonly Process _process;

    private PrivateRedis(Process process, int port, ConnectionMultiplexer connection)
    {
        _process = process;
        Port = port;
        Connection = connection;
    }

    public int Port { get; }

    public string Configuration => string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{Port}");

    public ConnectionMultiplexer Connection { get; }

    public int ProcessId => _process.Id;

    public static async Task<PrivateRedis> StartAsync(int port)
    {
        var start = new ProcessStartInfo("redis-server") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "--port", port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", string.Empty, "--appendonly", "no", "--maxclients", "1000" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start redis-server");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var options = ConfigurationOptions.Parse(string.Create(CultureInfo.InvariantCulture, $"127.0.0.1:{port},allowAdmin=true,connectRetry=20,connectTimeout=500"));
        options.AbortOnConnectFail = false;
        var connection = await ConnectionMultiplexer.ConnectAsync(options);
        for (var attempt = 0; attempt < 50 && !connection.IsConnected; attempt++)
        {
            await Task.Delay(100);
        }

        return connection.IsConnected ? new PrivateRedis(process, port, connection) : throw new InvalidOperationException("redis-server did not answer");
    }

    /// <summary>Calls per command from INFO commandstats (script-internal calls included, as Redis counts them).</summary>
    public async Task<Dictionary<string, long>> CommandCallsAsync()
    {
        var info = await Connection.GetServer(Configuration).InfoAsync("commandstats");
        return info.SelectMany(group => group)
            .Where(pair => pair.Key.StartsWith("cmdstat_", StringComparison.Ordinal))
            .ToDictionary(
                pair => pair.Key["cmdstat_".Length..],
                pair => long.Parse(pair.Value.Split(',')[0].Split('=')[1], CultureInfo.InvariantCulture));
    }

    public async Task<long> UsedMemoryAsync()
    {
        var info = await Connection.GetServer(Configuration).InfoAsync("memory");
        return long.Parse(info.SelectMany(group => group).First(pair => pair.Key == "used_memory").Value, CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        await Connection.DisposeAsync();
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}
