using System.Diagnostics;

namespace TicketBlue.Benchmarks.SeatMap;

/// <summary>
/// The app published as it ships (<c>dotnet publish -c Release</c>): a browser needs its static web
/// assets (the Blazor script, scoped CSS, component scripts), which only a published app serves
/// outside Development. Either this checkout, or an earlier commit checked out as a detached
/// <c>git worktree</c> in a temporary directory. Disposing removes what was made.
/// </summary>
public sealed class AppPublish : IAsyncDisposable
{
    private readonly string _repository;
    private readonly string? _worktree;

    private AppPublish(string repository, string output, string? worktree)
    {
        _repository = repository;
        Output = output;
        _worktree = worktree;
    }

    /// <summary>The published directory.</summary>
    public string Output { get; }

    public string AppDll => Path.Combine(Output, "TicketBlue.Web.dll");

    /// <summary>Publishes this checkout.</summary>
    public static Task<AppPublish> CurrentAsync() => PublishAsync(RepositoryRoot(), worktree: null, "current");

    /// <summary>Checks <paramref name="commit"/> out beside this repository and publishes it.</summary>
    public static async Task<AppPublish> CommitAsync(string commit)
    {
        var repository = RepositoryRoot();
        var worktree = Path.Combine(Path.GetTempPath(), $"ticketblue-before-{commit}-{Environment.ProcessId}");
        await RunAsync("git", repository, "worktree", "add", "--detach", worktree, commit);
        return await PublishAsync(repository, worktree, commit);
    }

    public async ValueTask DisposeAsync()
    {
        if (_worktree is not null)
        {
            await RunAsync("git", _repository, "worktree", "remove", "--force", _worktree);
        }

        if (Directory.Exists(Output))
        {
            Directory.Delete(Output, recursive: true);
        }
    }

    private static async Task<AppPublish> PublishAsync(string repository, string? worktree, string name)
    {
        var output = Path.Combine(Path.GetTempPath(), $"ticketblue-publish-{name}-{Environment.ProcessId}");
        var publish = new AppPublish(repository, output, worktree);
        try
        {
            await RunAsync("dotnet", worktree ?? repository, "publish", "TicketBlue.Web", "-c", "Release", "-o", output, "-nologo", "-v", "quiet");
            return publish;
        }
        catch
        {
            await publish.DisposeAsync();
            throw;
        }
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TicketBlue.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("TicketBlue.sln not found above the benchmark");
    }

    private static async Task RunAsync(string file, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {file}");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):{Environment.NewLine}{await output}{await errors}");
        }
    }
}
