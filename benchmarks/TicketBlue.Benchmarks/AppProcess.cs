using System.Collections.Concurrent;
using System.Diagnostics;

namespace TicketBlue.Benchmarks;

/// <summary>
/// The real TicketBlue app, started as a child process from its Release build so the benchmark goes
/// through Kestrel, authentication, the API and the hold service exactly as a customer would.
/// Disposing kills it; so does Ctrl+C or the benchmark's own exit.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private const int KeptOutputLines = 40;
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly ConcurrentQueue<string> _errors = new();

    private AppProcess(Process process)
    {
        _process = process;
    }

    private int _errorLines;

    public int Id => _process.Id;

    /// <summary>The first error lines the app logged: the evidence when something failed.</summary>
    public IReadOnlyList<string> FirstErrors => _errors.ToList();

    /// <summary>How many lines the app has logged at Error or Fatal level so far (its logs are compact JSON).</summary>
    public int ErrorLines => Volatile.Read(ref _errorLines);

    /// <summary>The last lines the app wrote (warnings and errors only, at the level it is started with).</summary>
    public IReadOnlyList<string> RecentOutput => _output.ToList();

    /// <param name="readyTimeout">How long the app may take to answer /health/ready; 90 s unless given
    /// (an app that builds a search index over a large catalogue at start needs longer).</param>
    public static async Task<AppProcess> StartAsync(string appDll, Uri baseAddress, IReadOnlyDictionary<string, string> environment, HttpClient http, TimeSpan? readyTimeout = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(appDll)!,
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(appDll);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.GetLeftPart(UriPartial.Authority));
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {appDll}");
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, line) => app.Keep(line.Data);
        process.ErrorDataReceived += (_, line) => app.Keep(line.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        Console.CancelKeyPress += (_, _) => app.Kill();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => app.Kill();

        try
        {
            await app.WaitUntilReadyAsync(new Uri(baseAddress, "/health/ready"), http, readyTimeout ?? TimeSpan.FromSeconds(90));
        }
        catch
        {
            await app.DisposeAsync();
            throw;
        }

        return app;
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(Uri ready, HttpClient http, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"the app exited with code {_process.ExitCode}:{Environment.NewLine}{string.Join(Environment.NewLine, RecentOutput)}");
            }

            try
            {
                using var response = await http.GetAsync(ready);
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"the app was not ready within {timeout.TotalSeconds:F0} s:{Environment.NewLine}{string.Join(Environment.NewLine, RecentOutput)}");
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.Contains("\"@l\":\"Error\"", StringComparison.Ordinal) || line.Contains("\"@l\":\"Fatal\"", StringComparison.Ordinal))
        {
            if (Interlocked.Increment(ref _errorLines) <= KeptOutputLines)
            {
                _errors.Enqueue(line);
            }
        }

        _output.Enqueue(line);
        while (_output.Count > KeptOutputLines && _output.TryDequeue(out _))
        {
        }
    }

    private void Kill()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone (or never started): nothing to kill.
        }
    }
}
