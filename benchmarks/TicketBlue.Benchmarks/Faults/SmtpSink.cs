using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>
/// A loopback SMTP server that accepts every mail and remembers its <c>Message-Id</c> (the app sets it to the
/// outbox row's id), so the drill can count what arrived against the outbox. <see cref="Stop"/> closes the port:
/// the app's relay is then unreachable (connection refused) until <see cref="Start"/>.
/// </summary>
public sealed class SmtpSink(int port) : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.OrdinalIgnoreCase);
    private TcpListener? _listener;
    private CancellationTokenSource? _stopping;

    public int Port => port;

    /// <summary>How often each Message-Id arrived (a value above 1 is a doubled mail).</summary>
    public IReadOnlyDictionary<string, int> Received => _received;

    public int Total => _received.Values.Sum();

    public void Start()
    {
        _stopping = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _ = AcceptAsync(_listener, _stopping.Token);
    }

    public void Stop()
    {
        _stopping?.Cancel();
        _listener?.Stop();
        _listener = null;
    }

    public void Dispose()
    {
        Stop();
        _stopping?.Dispose();
    }

    private async Task AcceptAsync(TcpListener listener, CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping);
            }
            catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = ServeAsync(client, stopping);
        }
    }

    /// <summary>The SMTP dialogue MailKit needs without STARTTLS or AUTH: greeting, EHLO, MAIL, RCPT, DATA, QUIT.</summary>
    private async Task ServeAsync(TcpClient client, CancellationToken stopping)
    {
        using (client)
        {
            try
            {
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.UTF8);
                await using var writer = new StreamWriter(stream, new UTF8Encoding(false)) { NewLine = "\r\n", AutoFlush = true };
                await writer.WriteLineAsync("220 sink.ticketblue.test ESMTP");
                while (await reader.ReadLineAsync(stopping) is { } line)
                {
                    var verb = line.Length >= 4 ? line[..4].ToUpperInvariant() : line.ToUpperInvariant();
                    switch (verb)
                    {
                        case "EHLO":
                            await writer.WriteLineAsync("250-sink.ticketblue.test");
                            await writer.WriteLineAsync("250 8BITMIME");
                            break;
                        case "DATA":
                            await writer.WriteLineAsync("354 end with <CRLF>.<CRLF>");
                            var messageId = await ReadMessageAsync(reader, stopping);
                            _received.AddOrUpdate(messageId ?? "(none)", 1, (_, count) => count + 1);
                            await writer.WriteLineAsync("250 queued");
                            break;
                        case "QUIT":
                            await writer.WriteLineAsync("221 bye");
                            return;
                        default:
                            await writer.WriteLineAsync("250 ok");
                            break;
                    }
                }
            }
            catch (Exception exception) when (exception is IOException or SocketException or OperationCanceledException or ObjectDisposedException)
            {
                // The client went away or the sink stopped: nothing was accepted on this connection.
            }
        }
    }

    private static async Task<string?> ReadMessageAsync(StreamReader reader, CancellationToken stopping)
    {
        string? messageId = null;
        var inHeaders = true;
        while (await reader.ReadLineAsync(stopping) is { } line && line != ".")
        {
            if (line.Length == 0)
            {
                inHeaders = false;
            }
            else if (inHeaders && line.StartsWith("Message-Id:", StringComparison.OrdinalIgnoreCase))
            {
                messageId = line["Message-Id:".Length..].Trim().Trim('<', '>');
            }
        }

        return messageId;
    }
}
