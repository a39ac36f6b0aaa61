using System.Collections.Concurrent;
using System.Net;
using System.Text;

namespace TicketBlue.Benchmarks.Faults;

/// <summary>
/// A loopback stand-in for Slack's incoming webhook: answers 200 "ok" and keeps every message text, so the drill
/// can count what arrived against the outbox. <see cref="Stop"/> closes the port (connection refused).
/// </summary>
public sealed class SlackStub(int port) : IDisposable
{
    private readonly ConcurrentDictionary<string, int> _received = new(StringComparer.Ordinal);
    private HttpListener? _listener;

    public Uri WebhookUrl { get; } = new($"http://127.0.0.1:{port}/services/hook");

    /// <summary>How often each message text arrived; every notification's text names its own reservation.</summary>
    public IReadOnlyDictionary<string, int> Received => _received;

    public int Total => _received.Values.Sum();

    public void Start()
    {
        _listener = new HttpListener();
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
        _listener.Start();
        _ = ServeAsync(_listener);
    }

    public void Stop()
    {
        _listener?.Close();
        _listener = null;
    }

    public void Dispose() => Stop();

    private async Task ServeAsync(HttpListener listener)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            try
            {
                using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
                var body = await reader.ReadToEndAsync();
                _received.AddOrUpdate(body, 1, (_, count) => count + 1);
                var ok = "ok"u8.ToArray();
                context.Response.StatusCode = 200;
                await context.Response.OutputStream.WriteAsync(ok);
                context.Response.Close();
            }
            catch (Exception exception) when (exception is HttpListenerException or IOException or ObjectDisposedException)
            {
                // The stub stopped while answering; the app counts it as a failed attempt and retries.
            }
        }
    }
}
