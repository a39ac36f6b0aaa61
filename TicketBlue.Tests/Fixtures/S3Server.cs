using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using TicketBlue.Infrastructure.Files;

namespace TicketBlue.Tests.Fixtures;

/// <summary>
/// A real S3-compatible server (s3rver, pinned in <c>tools/s3rver</c>) on a free loopback port, with
/// its data in a temporary folder; one per test class. <c>scripts/test.sh</c> installs it and
/// exports <c>TICKETBLUE_S3RVER</c>; from an IDE run <c>npm ci --prefix tools/s3rver</c> once.
/// </summary>
public sealed class S3Server : IAsyncLifetime
{
    /// <summary>s3rver's built-in credentials: it checks request signatures against them.</summary>
    public const string AccessKey = "S3RVER";

    public const string SecretKey = "S3RVER";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(15);

    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "tb-test-s3rver", Guid.NewGuid().ToString("N"));
    private readonly StringBuilder _output = new();
    private Process? _process;

    public Uri ServiceUrl { get; private set; } = default!;

    public async ValueTask InitializeAsync()
    {
        var executable = FindExecutable();
        Directory.CreateDirectory(_dataDirectory);
        var port = FreeLoopbackPort();
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");

        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "-d", _dataDirectory, "-a", "127.0.0.1", "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        _process = new Process { StartInfo = start };

        // Both pipes must be drained, or a chatty child blocks on a full pipe.
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        await WaitUntilListeningAsync(port);
    }

    /// <summary>Settings for a store on this server; a fresh bucket name unless one is given.</summary>
    public S3BlobStoreOptions StoreOptions(string? bucket = null, bool createBucketIfMissing = true) => new()
    {
        ServiceUrl = ServiceUrl.ToString(),
        Region = "us-east-1",
        BucketName = bucket ?? NewBucketName(),
        AccessKey = AccessKey,
        SecretKey = SecretKey,
        ForcePathStyle = true,
        CreateBucketIfMissing = createBucketIfMissing,
    };

    public static S3BlobStore CreateStore(S3BlobStoreOptions options) =>
        new(Options.Create(options), NullLogger<S3BlobStore>.Instance);

    public static string NewBucketName() => $"tb-test-{Guid.NewGuid():N}";

    public async ValueTask DisposeAsync()
    {
        if (_process is not null)
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
                await _process.WaitForExitAsync(timeout.Token);
            }

            _process.Dispose();
        }

        if (Directory.Exists(_dataDirectory))
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
    }

    private async Task WaitUntilListeningAsync(int port)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"s3rver exited with code {_process.ExitCode} before listening on port {port}. Output:\n{Output()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync(IPAddress.Loopback, port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"s3rver did not accept connections on 127.0.0.1:{port} within {StartTimeout.TotalSeconds:0} s. Output:\n{Output()}");
    }

    /// <summary>
    /// Port 0 lets the system pick a free port; we release it for s3rver. Another process could take
    /// it in between, in which case s3rver exits with EADDRINUSE and the error above says so.
    /// </summary>
    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    private static string FindExecutable()
    {
        var configured = Environment.GetEnvironmentVariable("TICKETBLUE_S3RVER");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return File.Exists(configured)
                ? configured
                : throw new InvalidOperationException($"TICKETBLUE_S3RVER points at '{configured}', which does not exist. Run: npm ci --prefix tools/s3rver");
        }

        var root = RepositoryFolder.Find();
        var fallback = root is null ? null : Path.Combine(root, "tools", "s3rver", "node_modules", ".bin", "s3rver");
        return fallback is not null && File.Exists(fallback)
            ? fallback
            : throw new InvalidOperationException("s3rver is not installed. Run scripts/test.sh, or once: npm ci --no-audit --no-fund --prefix tools/s3rver");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Output()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }
}
