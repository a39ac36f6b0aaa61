using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MySqlConnector;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// A loopback TCP relay between an app and the real MariaDB, so a test can take "the primary" away without
/// stopping a server other tests share: <see cref="Stop"/> drops every connection and refuses new ones (a
/// stopped or restarting server), <see cref="Freeze"/> keeps accepting but never answers (a hung server or
/// a lost network), <see cref="Open"/> relays again on the same port.
/// </summary>
public sealed class DatabaseGate : IAsyncDisposable
{
    private readonly int _port;
    private TcpListener _listener;
    private readonly IPEndPoint _server;
    private readonly CancellationTokenSource _stopping = new();
    private readonly ConcurrentDictionary<TcpClient, byte> _clients = new();
    private readonly Task _accepting;
    private volatile GateState _state = GateState.Open;
    private volatile TaskCompletionSource _thawed = Thawed();

    public DatabaseGate(string serverConnectionString)
        : this(ServerOf(new MySqlConnectionStringBuilder(serverConnectionString)))
    {
    }

    /// <summary>A gate in front of any loopback TCP server, e.g. the test Redis ("host:port") for a frozen Redis.</summary>
    public DatabaseGate(IPEndPoint server)
    {
        _server = server;
        _listener = Listen(0);
        _port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = AcceptAsync();
    }

    private enum GateState
    {
        Open,
        Stopped,
        Frozen,
    }

    public int Port => _port;

    /// <summary>The connection string of <paramref name="database"/> through this gate.</summary>
    public string ConnectionStringFor(MariaDbDatabase database) =>
        new MySqlConnectionStringBuilder(database.ConnectionString) { Server = "127.0.0.1", Port = (uint)Port }.ConnectionString;

    private static IPEndPoint ServerOf(MySqlConnectionStringBuilder builder) =>
        new(IPAddress.Parse(builder.Server == "localhost" ? "127.0.0.1" : builder.Server), (int)builder.Port);

    public void Open()
    {
        if (_state == GateState.Stopped)
        {
            // The same port again, as a restarted server.
            _listener = Listen(_port);
        }

        _state = GateState.Open;
        _thawed.TrySetResult();
    }

    /// <summary>A stopped server: open connections are reset, new ones refused.</summary>
    public void Stop()
    {
        if (_state == GateState.Stopped)
        {
            return;
        }

        var frozen = _thawed;
        _thawed = Thawed();
        _state = GateState.Stopped;
        frozen.TrySetResult();
        _listener.Stop();
        DropAll();
    }

    /// <summary>A hung server: connections are accepted and bytes taken, but nothing comes back.</summary>
    public void Freeze()
    {
        if (_state == GateState.Stopped)
        {
            Open();
        }

        _thawed = Thawed();
        _state = GateState.Frozen;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _listener.Stop();
        DropAll();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stopping.Dispose();
    }

    private static TcpListener Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        return listener;
    }

    private static TaskCompletionSource Thawed() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void DropAll()
    {
        foreach (var client in _clients.Keys)
        {
            try
            {
                // Reset, not close: the app must see the connection die at once.
                if (client.Client is { } socket)
                {
                    socket.LingerState = new LingerOption(true, 0);
                }
            }
            catch (ObjectDisposedException)
            {
                // Its relay closed it already, between the listing and here (TcpClient.Dispose clears Client).
            }

            client.Dispose();
        }

        _clients.Clear();
    }

    private async Task AcceptAsync()
    {
        while (!_stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stopping.Token);
            }
            catch (Exception exception) when (exception is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                if (_stopping.IsCancellationRequested)
                {
                    return;
                }

                // Stopped: wait for the gate to open again.
                await _thawed.Task.WaitAsync(_stopping.Token);
                continue;
            }

            _clients[client] = 0;
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(_server, _stopping.Token);
            await using var clientStream = client.GetStream();
            await using var serverStream = server.GetStream();
            await Task.WhenAny(PumpAsync(clientStream, serverStream), PumpAsync(serverStream, clientStream));
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException)
        {
            // The gate dropped the connection, or one side closed it.
        }
        finally
        {
            _clients.TryRemove(client, out _);
            client.Dispose();
        }
    }

    /// <summary>Copies bytes while the gate is open; a frozen gate holds them back (nobody answers).</summary>
    private async Task PumpAsync(Stream from, Stream to)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var read = await from.ReadAsync(buffer, _stopping.Token);
            if (read == 0)
            {
                return;
            }

            if (_state == GateState.Frozen)
            {
                // Hold the bytes back until the gate opens, is stopped, or the test ends.
                await _thawed.Task.WaitAsync(_stopping.Token);
            }

            if (_state == GateState.Stopped)
            {
                return;
            }

            await to.WriteAsync(buffer.AsMemory(0, read), _stopping.Token);
        }
    }
}
