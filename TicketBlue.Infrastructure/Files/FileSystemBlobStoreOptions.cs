namespace TicketBlue.Infrastructure.Files;

public sealed class FileSystemBlobStoreOptions
{
    /// <summary>Folder that holds the blobs; relative paths are resolved against the content root.</summary>
    public string RootPath { get; set; } = ".local/blobs";
}
