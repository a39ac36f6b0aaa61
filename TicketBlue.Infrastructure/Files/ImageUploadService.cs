using System.Globalization;
using Microsoft.Extensions.Logging;
using TicketBlue.Domain.Common;
using TicketBlue.Domain.Files;

namespace TicketBlue.Infrastructure.Files;

/// <summary>
/// Stores an uploaded poster or photo: checks it with <see cref="ImageUpload"/>, puts it under a key
/// of our own making and cleans up after itself, so a refused or failed upload leaves nothing behind.
/// </summary>
/// <remarks>
/// Replacing an image is: <see cref="StoreAsync"/> the new one, save the entity that points at it,
/// and only then <see cref="DeleteQuietlyAsync"/> the old key. The other order loses the old image
/// whenever the save fails, and a poster page would point at nothing.
/// </remarks>
public sealed partial class ImageUploadService(IBlobStore store, TimeProvider timeProvider, ILogger<ImageUploadService> logger)
{
    public const string PostersFolder = "posters";

    public const string PerformersFolder = "performers";

    /// <summary>Folders are key prefixes chosen by code, never by the uploader: only these exist.</summary>
    public static readonly IReadOnlySet<string> Folders = new HashSet<string>(StringComparer.Ordinal) { PostersFolder, PerformersFolder };

    private const int ReadChunkBytes = 81_920;

    /// <summary>Checks and stores an image of at most <see cref="ImageUpload.MaxBytes"/>.</summary>
    /// <param name="content">The upload; read once, at most one byte past the limit.</param>
    /// <param name="declaredContentType">The browser's content type: checked against the bytes, never stored.</param>
    /// <param name="declaredLength">The browser's length: only lets an upload that says it is too big be refused unread.</param>
    /// <param name="folder">One of <see cref="Folders"/>.</param>
    /// <exception cref="DomainException">The upload is not an acceptable image (codes of <see cref="ImageUpload.Inspect"/>).</exception>
    public Task<StoredImage> StoreAsync(Stream content, string? declaredContentType, long? declaredLength, string folder, CancellationToken cancellationToken) =>
        StoreAsync(content, declaredContentType, declaredLength, folder, ImageUpload.MaxBytes, cancellationToken);

    /// <summary>As the other overload, with a size limit of the caller's choosing.</summary>
    public async Task<StoredImage> StoreAsync(Stream content, string? declaredContentType, long? declaredLength, string folder, long maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (!Folders.Contains(folder))
        {
            throw new ArgumentException($"Unknown image folder '{folder}'.", nameof(folder));
        }

        // An honest client that says it is too big is refused before a byte crosses the wire. A
        // client that says it is small is not believed: the bytes are counted below.
        if (declaredLength > maxBytes)
        {
            ImageUpload.CheckLength(declaredLength.Value, maxBytes);
        }

        using var buffer = await ReadAtMostAsync(content, maxBytes + 1, cancellationToken);
        var length = buffer.Length;
        var header = buffer.GetBuffer().AsSpan(0, (int)Math.Min(length, ImageUpload.HeaderLength));
        var format = ImageUpload.Inspect(header, length, declaredContentType, maxBytes);

        // Dated folders keep listings small; a version-7 GUID sorts by time and cannot be guessed
        // from a neighbour's key the way a counter could.
        var now = timeProvider.GetUtcNow();
        var key = string.Create(CultureInfo.InvariantCulture, $"{folder}/{now:yyyy}/{now:MM}/{Guid.CreateVersion7(now):N}.{format.Extension}");

        buffer.Position = 0;
        try
        {
            await store.PutAsync(key, buffer, format.ContentType, cancellationToken);
        }
        catch
        {
            // The store may have written part of the object before failing (or being cancelled).
            await DeleteQuietlyAsync(key, CancellationToken.None);
            throw;
        }

        LogStored(logger, key, format.ContentType, length);
        return new StoredImage(key, format.ContentType, length);
    }

    /// <summary>
    /// Replaces an image: stores the new one, lets the caller save the reference to it, and only
    /// then deletes the image it replaced. If saving fails the new image is removed again, so a
    /// failure never loses the old picture and never leaves an orphan.
    /// </summary>
    public async Task<StoredImage> ReplaceAsync(
        Stream content,
        string? declaredContentType,
        long? declaredLength,
        string folder,
        string? previousKey,
        Func<StoredImage, Task> saveReference,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(saveReference);
        var stored = await StoreAsync(content, declaredContentType, declaredLength, folder, cancellationToken);
        try
        {
            await saveReference(stored);
        }
        catch
        {
            await DeleteQuietlyAsync(stored.Key, CancellationToken.None);
            throw;
        }

        if (previousKey is not null)
        {
            await DeleteQuietlyAsync(previousKey, CancellationToken.None);
        }

        return stored;
    }

    /// <summary>
    /// Deletes a stored image that nothing points at any more. Never throws: a leftover file costs
    /// a little disk, a failure here must not undo the save that made it a leftover.
    /// </summary>
    public async Task DeleteQuietlyAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await store.DeleteAsync(key, cancellationToken);
        }
        catch (Exception exception)
        {
            LogDeleteFailed(logger, exception, key);
        }
    }

    /// <summary>Copies at most <paramref name="limit"/> bytes; a longer stream is left unread past that.</summary>
    private static async Task<MemoryStream> ReadAtMostAsync(Stream content, long limit, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        try
        {
            var chunk = new byte[ReadChunkBytes];
            while (buffer.Length < limit)
            {
                var wanted = (int)Math.Min(chunk.Length, limit - buffer.Length);
                var read = await content.ReadAsync(chunk.AsMemory(0, wanted), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
            }

            return buffer;
        }
        catch
        {
            await buffer.DisposeAsync();
            throw;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stored image {Key} ({ContentType}, {Length} bytes)")]
    private static partial void LogStored(ILogger logger, string key, string contentType, long length);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete blob {Key}; it is left behind unused")]
    private static partial void LogDeleteFailed(ILogger logger, Exception exception, string key);
}
