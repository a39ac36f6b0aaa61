namespace TicketBlue.Tests.Fixtures;

/// <summary>The checkout the tests run from: the folder above the test binaries that holds <c>TicketBlue.sln</c>.</summary>
public static class RepositoryFolder
{
    /// <summary>The repository's root folder, or null when the tests run outside a checkout.</summary>
    public static string? Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "TicketBlue.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName;
    }

    /// <summary>The repository's root folder; throws when the tests run outside a checkout.</summary>
    public static string Root() =>
        Find() ?? throw new InvalidOperationException("The tests run outside the repository: TicketBlue.sln was not found above " + AppContext.BaseDirectory);
}
