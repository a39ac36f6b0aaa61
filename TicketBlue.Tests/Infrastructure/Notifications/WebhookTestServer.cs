using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace TicketBlue.Tests.Infrastructure.Notifications;

/// <summary>A local HTTP endpoint standing in for a Slack incoming webhook: records each POSTed body and answers "ok".</summary>
public sealed class WebhookTestServer : IDisposable
{
    private readonly HttpListener _listener = new();

    public WebhookTestServer()
    {
        Port = FreePort();
        _listener.Prefixes.Add($"http://127.0.0.1:{Port}/");
        _listener.Start();
        _ = Task.Run(ServeAsync);
    }

    public int Port { get; }

    public Uri Url => new($"http://127.0.0.1:{Port}/services/T000/B000/test");

    public ConcurrentQueue<(string Method, string Path, string ContentType, string Body)> Requests { get; } = new();

    public void Dispose() => _listener.Close();

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, context.Request.ContentEncoding);
            Requests.Enqueue((context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.ContentType ?? string.Empty, await reader.ReadToEndAsync()));
            context.Response.StatusCode = 200;
            await context.Response.OutputStream.WriteAsync("ok"u8.ToArray());
            context.Response.Close();
        }
    }
}
