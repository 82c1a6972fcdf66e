using System.Globalization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using NftMarketplace.Benchmarks;
using NftMarketplace.Benchmarks.Catalog;
using NftMarketplace.Benchmarks.Indexer;
using NftMarketplace.Benchmarks.Intents;
using NftMarketplace.Benchmarks.Media;
using NftMarketplace.Benchmarks.Siwe;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Subscriptions;

// ./nft bench siwe [sign-ins] [concurrency]: Sign-In with Ethereum against raw secp256k1 recovery.
if (args is ["siwe", .. var siweArgs])
{
    return await SiweBench.RunAsync(siweArgs);
}

// ./nft bench validation [runs]: validation time of costly documents with the document limits off and on.
if (args is ["validation", .. var validationArgs])
{
    return await ValidationBench.RunAsync(validationArgs);
}

// ./nft bench media [iterations]: an upload's processing (variants, perceptual hash, CID) against raw libvips and SHA-256.
if (args is ["media", .. var mediaArgs])
{
    return await MediaBench.RunAsync(mediaArgs);
}

// ./nft bench catalog [iterations]: a 50-token collection page through GraphQL against the same page in hand-written SQL.
if (args is ["catalog", .. var catalogArgs])
{
    return await CatalogPageBench.RunAsync(catalogArgs);
}

// ./nft bench rarity [connection string]: a 10,000-token collection re-ranked by OpenRarity against sorting its scores,
// and with a Postgres server the whole recompute with its database round trip.
if (args is ["rarity", .. var rarityArgs])
{
    return await RarityBench.RunAsync(rarityArgs);
}

// ./nft bench indexer: the cold backfill of the reference workload against its raw eth_getLogs + headers bound.
if (args is ["indexer", ..])
{
    return await IndexerBench.RunAsync();
}

// ./nft bench intents [creators] [mints per creator]: mint intents from the block being mined to the READY frame.
if (args is ["intents", .. var intentsArgs])
{
    return await IntentsBench.RunAsync(intentsArgs);
}

// Latency of the GraphQL transport against bare ASP.NET Core baselines, measured in one run on one
// server so both see the same machine. Usage: ./nft bench [iterations]
var iterations = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;

var builder = WebApplication.CreateSlimBuilder([]);
builder.Logging.ClearProviders();
builder.WebHost.UseUrls("http://127.0.0.1:0");
// One machine-local client must not be throttled like an anonymous internet caller.
builder.Configuration["GraphQL:RateLimit:PerIpPermits"] = "1000000";
builder.Services.AddMediator();
builder.AddGraphQLContributor<BenchFields>();
builder.AddGraphQLGateway();

var app = builder.Build();
app.UseWebSockets();
app.UseRateLimiter();
app.MapGraphQL();
app.Map(SubscriptionLatencyBenchmark.EchoPath, SubscriptionLatencyBenchmark.EchoAsync);
app.MapPost("/baseline", () => Results.Bytes(HttpLatencyBenchmark.SameResponse, "application/json"));
await app.StartAsync();
var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

Console.WriteLine($"NftMarketplace latency benchmark — {iterations} round trips per scenario, {Environment.ProcessorCount} cores, .NET {Environment.Version}");
var warmup = Math.Min(iterations, 2_000);
var (graphql, baseline) = await HttpLatencyBenchmark.RunAsync(address, iterations, warmup);
var (subscription, echo) = await SubscriptionLatencyBenchmark.RunAsync(
    address, app.Services.GetRequiredService<ISubscriptionPublisher>(), iterations, warmup);

Console.WriteLine();
Console.WriteLine("| scenario | n | p50 | p99 | baseline | baseline p50 | baseline p99 | p50 ratio | p99 ratio |");
Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
Console.WriteLine(LatencySample.Row(graphql, baseline));
Console.WriteLine(LatencySample.Row(subscription, echo));
Console.WriteLine();
Console.WriteLine("Subscription events are delivered by this replica's broker; with several replicas they also cross Redis pub/sub.");

await app.StopAsync();
return 0;
