using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.Modules.Auth;
using NftMarketplace.Modules.Catalog;
using NftMarketplace.Modules.Indexing;
using NftMarketplace.Modules.Media;
using NftMarketplace.Modules.Orchestration;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;

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

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.MapDefaultEndpoints();

app.Run();

/// <summary>Entry point type, visible to tests that host the application in-process.</summary>
public partial class Program;
