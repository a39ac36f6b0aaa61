namespace TicketBlue.Benchmarks;

/// <summary>Where the app's build output is: building the benchmark builds the app next to it (see the .csproj).</summary>
public static class AppBuild
{
    public static string FindAppDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TicketBlue.sln")))
        {
            directory = directory.Parent;
        }

        var dll = Path.Combine(directory?.FullName ?? throw new InvalidOperationException("TicketBlue.sln not found above the benchmark"), "TicketBlue.Web", "bin", configuration, "net10.0", "TicketBlue.Web.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("build the app first (or pass --app-dll)", dll);
    }
}
