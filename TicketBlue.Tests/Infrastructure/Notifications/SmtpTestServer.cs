using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using MimeKit;

namespace TicketBlue.Tests.Infrastructure.Notifications;

/// <summary>
/// A tiny SMTP server on a loopback port, speaking just enough (EHLO/HELO, MAIL, RCPT, DATA, RSET,
/// NOOP, QUIT) for MailKit to deliver to it. <see cref="Failing"/> makes it answer MAIL FROM with
/// 451 (a temporary failure, as a real relay does when overloaded) until it is switched back.
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SmtpTestServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private volatile bool _failing;

    /// <summary>While true, MAIL FROM gets 451 (temporary failure).</summary>
    public bool Failing
    {
        get => _failing;
        set => _failing = value;
    }

    /// <summary>Every message accepted, parsed.</summary>
    public ConcurrentQueue<MimeMessage> Messages { get; } = new();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped.
        }

        _stop.Dispose();
        foreach (var message in Messages)
        {
            message.Dispose();
        }
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        await using var stream = client.GetStream();

        // Latin-1 maps bytes to chars one to one, so DATA comes back byte for byte.
        using var reader = new StreamReader(stream, Encoding.Latin1);
        await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 localhost test SMTP");
        while (await reader.ReadLineAsync(_stop.Token) is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                case "HELO":
                    await writer.WriteLineAsync("250 localhost");
                    break;
                case "MAIL":
                    await writer.WriteLineAsync(Failing ? "451 4.3.0 Try again later" : "250 2.1.0 OK");
                    break;
                case "RCPT":
                case "RSET":
                case "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    Messages.Enqueue(await ReadDataAsync(reader));
                    await writer.WriteLineAsync("250 2.0.0 Queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    private async Task<MimeMessage> ReadDataAsync(StreamReader reader)
    {
        var data = new StringBuilder();
        while (await reader.ReadLineAsync(_stop.Token) is { } line && line != ".")
        {
            // Dot-stuffing: a line the client started with "." was sent as "..".
            data.Append(line.StartsWith('.') ? line[1..] : line).Append("\r\n");
        }

        return await MimeMessage.LoadAsync(new MemoryStream(Encoding.Latin1.GetBytes(data.ToString())), _stop.Token);
    }
}
