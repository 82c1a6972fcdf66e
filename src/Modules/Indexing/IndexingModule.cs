using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.Modules.Indexing.Contracts;
using NftMarketplace.Modules.Indexing.Following;
using NftMarketplace.Modules.Indexing.GraphQL;
using NftMarketplace.Modules.Indexing.Persistence;

namespace NftMarketplace.Modules.Indexing;

/// <summary>The Indexing module's one registration entry point, called by the Host.</summary>
public static class IndexingModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "indexing";

    public static IHostApplicationBuilder AddIndexingModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModule<IndexingDbContext>(Schema)
            .Publishes<CollectionsCreated>()
            .Publishes<TokensMinted>()
            .Publishes<TokensTransferred>()
            .Publishes<MetadataChanged>()
            .Publishes<CollectionSettingsChanged>()
            .Publishes<ApprovalsChanged>()
            .Publishes<EventsRetracted>();

        builder.AddValidatedOptions<FollowerOptions>(FollowerOptions.Section, o => o.Validate());
        builder.Services.AddScoped<FollowerStore>();
        builder.Services.AddSingleton<FollowerStatusBoard>();
        builder.Services.AddHostedService<FollowerSupervisor>();
        builder.Services.AddHealthChecks().AddCheck<FollowerHealthCheck>("indexing", tags: [ServiceDefaultsExtensions.ReadyTag]);

        builder.AddGraphQLContributor<IndexingGraphQL>();
        return builder;
    }
}
