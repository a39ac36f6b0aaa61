using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using MimeKit;
using TicketBlue.Infrastructure.Notifications.Email;

namespace TicketBlue.Web.Features.Admin.DevMailbox;

/// <summary>One message in the list: the file it is in, when it was written, to whom, about what.</summary>
public sealed record DevMailSummary(string FileName, DateTimeOffset? Date, string To, string Subject);

/// <summary>One message to read. <see cref="Html"/> is shown only inside a sandboxed frame.</summary>
public sealed record DevMailMessage(DevMailSummary Summary, string From, string? Html, string? Text);

public interface IDevMailboxReader
{
    /// <summary>True when e-mail goes to the dev mailbox folder (not SMTP), so there is something to read.</summary>
    bool IsEnabled { get; }

    /// <summary>The newest messages first, at most <paramref name="max"/>.</summary>
    Task<IReadOnlyList<DevMailSummary>> ListAsync(int max, CancellationToken cancellationToken);

    /// <summary>The message in <paramref name="fileName"/> (a bare name from the list), or null when there is none.</summary>
    Task<DevMailMessage?> ReadAsync(string fileName, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the .eml files <see cref="DevMailboxEmailSender"/> writes. Only bare file names of .eml files
/// in that one folder are ever opened, so a crafted name cannot read anything else on the server.
/// </summary>
public sealed class DevMailboxReader(IConfiguration configuration, IOptions<DevMailboxOptions> options) : IDevMailboxReader
{
    private const string Extension = ".eml";

    public bool IsEnabled
    {
        get
        {
            var provider = configuration[$"{EmailOptions.Section}:{nameof(EmailOptions.Provider)}"];
            return string.IsNullOrWhiteSpace(provider) || provider.Equals(EmailOptions.DevMailboxProvider, StringComparison.OrdinalIgnoreCase);
        }
    }

    private string Folder => options.Value.Path;

    public async Task<IReadOnlyList<DevMailSummary>> ListAsync(int max, CancellationToken cancellationToken)
    {
        if (!IsEnabled || !Directory.Exists(Folder))
        {
            return [];
        }

        // The sender names files "yyyyMMdd-HHmmss-…": newest first by name, then by write time.
        var files = new DirectoryInfo(Folder).EnumerateFiles("*" + Extension)
            .OrderByDescending(file => file.Name, StringComparer.Ordinal)
            .ThenByDescending(file => file.LastWriteTimeUtc)
            .Take(Math.Max(0, max))
            .ToList();
        var summaries = new List<DevMailSummary>(files.Count);
        foreach (var file in files)
        {
            using var message = await LoadAsync(file.FullName, cancellationToken);
            if (message is not null)
            {
                summaries.Add(Summarise(file.Name, message));
            }
        }

        return summaries;
    }

    public async Task<DevMailMessage?> ReadAsync(string fileName, CancellationToken cancellationToken)
    {
        if (!IsEnabled || !IsMailboxFileName(fileName))
        {
            return null;
        }

        var path = Path.Combine(Folder, fileName);
        if (!File.Exists(path))
        {
            return null;
        }

        using var message = await LoadAsync(path, cancellationToken);
        return message is null
            ? null
            : new DevMailMessage(Summarise(fileName, message), message.From.ToString(), message.HtmlBody, message.TextBody);
    }

    /// <summary>A bare "….eml" name: no folder part, no "..", nothing but a file in the mailbox.</summary>
    public static bool IsMailboxFileName(string? fileName) =>
        !string.IsNullOrWhiteSpace(fileName)
        && fileName.EndsWith(Extension, StringComparison.OrdinalIgnoreCase)
        && Path.GetFileName(fileName) == fileName
        && fileName.IndexOfAny(Path.GetInvalidFileNameChars()) < 0
        && !fileName.Contains("..", StringComparison.Ordinal);

    private static DevMailSummary Summarise(string fileName, MimeMessage message) =>
        new(fileName, message.Date == DateTimeOffset.MinValue ? null : message.Date, message.To.ToString(), message.Subject ?? string.Empty);

    private static async Task<MimeMessage?> LoadAsync(string path, CancellationToken cancellationToken)
    {
        try
        {
            await using var stream = File.OpenRead(path);
            return await MimeMessage.LoadAsync(stream, cancellationToken);
        }
        catch (Exception exception) when (exception is FormatException or IOException)
        {
            // A file being written or not a message at all: leave it out rather than break the page.
            return null;
        }
    }
}
