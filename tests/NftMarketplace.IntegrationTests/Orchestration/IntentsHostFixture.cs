using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Orchestration;

/// <summary>
/// The Host of the intent tests (see <see cref="SignInHostFixture"/>: the dev-chain bootstrap deploys the factory with a
/// deployer of its own): the receipt watcher looks often, and a tracked hash the node does not know is refused after a
/// short grace.
/// </summary>
public sealed class IntentsHostFixture(InfrastructureFixture infrastructure) : SignInHostFixture(infrastructure)
{
    public const string GracePeriod = "00:00:01";

    public Uri WebSocketUri => new UriBuilder(Host.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;

    protected override void Configure(Dictionary<string, string?> configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        configuration["GraphQL__RateLimit__PerUserPermits"] = "100000";
        configuration["GraphQL__RateLimit__PerIpPermits"] = "100000";
        configuration["Orchestration__Intents__TrackGracePeriod"] = GracePeriod;
        configuration["Orchestration__Intents__WatchInterval"] = "00:00:00.200";
    }
}
