using Microsoft.Extensions.Options;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.GraphiQL;
using NftMarketplace.Modules.Auth;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Indexing;
using NftMarketplace.Modules.Media;
using NftMarketplace.Modules.Orchestration;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddProblemDetails();

    builder.AddServiceDefaults();
    builder.AddPlatform();

    // The Host only composes: each module registers its own services, workers and schema.
    builder
        .AddAuthModule()
        .AddUsersModule()
        .AddWalletsModule()
        .AddRegistryModule()
        .AddOrchestrationModule()
        .AddIndexingModule()
        .AddCatalogModule()
        .AddMediaModule();
    builder.AddGraphQLGateway();
    builder.AddGraphiQL();

    var app = builder.Build();

    app.UseExceptionHandler();
    app.UseStatusCodePages();
    // After authentication (once there is one): signed-in callers are rate-limited by user id.
    app.UseRateLimiter();
    app.MapDefaultEndpoints();
    app.MapGraphQL();
    app.MapGraphiQL();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is InvalidConfigurationException or OptionsValidationException)
{
    // A configuration mistake is the operator's to fix: say which key, without a stack trace.
    await Console.Error.WriteLineAsync($"NftMarketplace.Host cannot start: {ex.Message}");
    return ExitCodes.BadConfiguration;
}

/// <summary>Entry point type, visible to tests that host the application in-process.</summary>
public partial class Program;

internal static class ExitCodes
{
    /// <summary>EX_CONFIG from sysexits.h: the configuration is wrong.</summary>
    public const int BadConfiguration = 78;
}
