using Microsoft.Extensions.Options;
using TicketBlue.Domain.Files;

namespace TicketBlue.Infrastructure.Files;

/// <summary>
/// Blobs as files under one folder, outside the web root (ASVS 12.4.1): they are served only
/// through the media endpoint, with the stored content type and no sniffing.
/// </summary>
public sealed class FileSystemBlobStore(IOptions<FileSystemBlobStoreOptions> options) : IBlobStore
{
    private readonly string _root = Path.GetFullPath(options.Value.RootPath);

    public async Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);

        // Write to a temporary file and move it into place, so a reader never sees half a poster.
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await using (var file = File.Create(temporary))
            {
                await content.CopyToAsync(file, cancellationToken);
            }

            await File.WriteAllTextAsync(path + ".type", contentType, cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            // A failed or cancelled put must not leave half a file behind (no-op after the move).
            File.Delete(temporary);
        }
    }

    public async Task<StoredBlob?> OpenAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);
        if (!File.Exists(path))
        {
            return null;
        }

        var contentType = File.Exists(path + ".type")
            ? (await File.ReadAllTextAsync(path + ".type", cancellationToken)).Trim()
            : "application/octet-stream";
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, useAsync: true);
        return new StoredBlob(stream, contentType, stream.Length);
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken)
    {
        var path = PathFor(key);

        // Deleting what is not there is a no-op, as on S3; File.Delete throws only when the folder is missing.
        if (Directory.Exists(Path.GetDirectoryName(path)))
        {
            File.Delete(path);
            File.Delete(path + ".type");
        }

        return Task.CompletedTask;
    }

    /// <summary>Keys are ours, but a key must still never escape the root folder.</summary>
    private string PathFor(string key)
    {
        if (string.IsNullOrWhiteSpace(key) || key.Contains("..", StringComparison.Ordinal) || Path.IsPathRooted(key))
        {
            throw new ArgumentException("Invalid blob key.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Combine(_root, key));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException("Invalid blob key.", nameof(key));
        }

        return path;
    }
}
