using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL;

/// <summary>
/// The platform, the GraphQL gateway and the modules a test brings, served by Kestrel on a free loopback port with
/// the Host's gateway pipeline (<c>UseGraphQLGateway</c>): real HTTP, in this process, so a test can look inside (services, counters).
/// </summary>
public sealed class GatewayServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GatewayServer(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public Uri GraphQLEndpoint => new(BaseAddress, "graphql");

    public IServiceProvider Services => _app.Services;

    public static async Task<GatewayServer> StartAsync(
        InfrastructureFixture infrastructure,
        IsolatedEnvironment environment,
        Action<IHostApplicationBuilder> modules,
        IDictionary<string, string?>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(modules);
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(environment.HostEnvironment(infrastructure).ToDictionary(
            setting => setting.Key.Replace("__", ":", StringComparison.Ordinal), setting => setting.Value));
        if (settings is not null)
        {
            builder.Configuration.AddInMemoryCollection(settings);
        }

        builder.AddPlatform();
        modules(builder);
        builder.AddGraphQLGateway();

        var app = builder.Build();
        app.UseGraphQLGateway();
        await app.StartAsync(TestContext.Current.CancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new GatewayServer(app, new Uri(address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(10));
        await _app.DisposeAsync();
    }
}
