using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using TicketBlue.Domain.Files;
using TicketBlue.Infrastructure.Files;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the blob store chosen by <c>Files:Provider</c> and the image upload service.</summary>
public static class BlobStorageServiceCollectionExtensions
{
    public const string ProviderKey = "Files:Provider";

    public const string FileSystemProvider = "FileSystem";

    public const string S3Provider = "S3";

    /// <summary>
    /// <c>Files:Provider</c> = <c>FileSystem</c> (default; <c>Files:RootPath</c>) or <c>S3</c>
    /// (<c>Files:S3:*</c>, checked at start-up so a node with a broken configuration never serves).
    /// </summary>
    public static IHostApplicationBuilder AddBlobStorage(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var provider = builder.Configuration[ProviderKey];
        if (string.IsNullOrWhiteSpace(provider) || provider.Equals(FileSystemProvider, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddFileSystemBlobStore();
        }
        else if (provider.Equals(S3Provider, StringComparison.OrdinalIgnoreCase))
        {
            builder.AddS3BlobStore();
        }
        else
        {
            // A typo must not silently fall back to local disk on a multi-node deployment.
            throw new InvalidOperationException($"{ProviderKey} must be '{FileSystemProvider}' or '{S3Provider}', not '{provider}'.");
        }

        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ImageUploadService>();
        return builder;
    }

    private static void AddFileSystemBlobStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<FileSystemBlobStoreOptions>()
            .Bind(builder.Configuration.GetSection("Files"))
            .PostConfigure(options =>
            {
                // An empty path stays empty for the check below: combined, it would be the content root itself.
                if (!string.IsNullOrWhiteSpace(options.RootPath) && !Path.IsPathRooted(options.RootPath))
                {
                    options.RootPath = Path.Combine(builder.Environment.ContentRootPath, options.RootPath);
                }
            })
            .Validate(options => !string.IsNullOrWhiteSpace(options.RootPath), "Files:RootPath must not be empty.")
            .ValidateOnStart();
        builder.Services.AddSingleton<IBlobStore, FileSystemBlobStore>();
    }

    private static void AddS3BlobStore(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<S3BlobStoreOptions>()
            .Bind(builder.Configuration.GetSection(S3BlobStoreOptions.Section))
            .ValidateOnStart();
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<S3BlobStoreOptions>, S3BlobStoreOptionsValidator>());
        builder.Services.AddSingleton<IBlobStore, S3BlobStore>();
    }
}
