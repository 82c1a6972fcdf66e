using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Media.GraphQL;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Inspection;
using NftMarketplace.Modules.Media.Moderation;
using NftMarketplace.Modules.Media.Persistence;
using NftMarketplace.Modules.Media.Storing;
using NftMarketplace.Modules.Media.Uploads;

namespace NftMarketplace.Modules.Media;

/// <summary>The Media module's one registration entry point, called by the Host (which also maps <c>MapMedia()</c>).</summary>
public static class MediaModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "media";

    public static IHostApplicationBuilder AddMediaModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddValidatedOptions<MediaLimits>(MediaLimits.Section, o => o.Validate());
        builder.AddValidatedOptions<ImageOptions>(ImageOptions.Section, o => o.Validate());
        builder.AddValidatedOptions<ModerationOptions>(ModerationOptions.Section, o => o.Validate());
        builder.AddValidatedOptions<UploadQuotaOptions>(UploadQuotaOptions.Section, o => o.Validate());

        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.AddSingleton<ImageProcessor>();
        services.AddSingleton<UploadPreparer>();
        services.AddSingleton<MediaObjects>();
        services.AddSingleton<UploadQuota>();
        services.AddScoped<MediaDocuments>();
        services.AddScoped<MediaIngest>();

        builder.AddModule<MediaDbContext>(Schema);
        builder.AddGraphQLContributor<MediaGraphQL>();
        builder.AddNode<MediaAssetsByCid>(MediaAssetType.TypeName);
        return builder;
    }
}
