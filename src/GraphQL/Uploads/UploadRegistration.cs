using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.GraphQL.Uploads;

internal static class UploadRegistration
{
    /// <summary>Multipart requests on the HTTP endpoint, with their limits from <see cref="UploadOptions.Section"/>.</summary>
    public static void AddUploads(this IHostApplicationBuilder builder)
    {
        builder.AddValidatedOptions<UploadOptions>(UploadOptions.Section, o => o.Validate());
        builder.Services.TryAddSingleton<MultipartRequestReader>();
    }
}
