using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Messaging.Probe;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.Messaging;

/// <summary>
/// A queue consumed with ordering keys: a burst is applied concurrently across keys, never two of one key at once, and
/// each key's messages in the order they were raised.
/// </summary>
public sealed class ConcurrentConsumerTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private static readonly string[] Keys = ["a", "b", "c", "d"];

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Messages_of_different_keys_are_applied_together_and_those_of_one_key_in_order()
    {
        const int PerKey = 3;
        var calls = new HandlerCalls();
        await using var host = await RunningHost.StartAsync(ProbeHost.Build(Infrastructure, Environment, calls));

        // One commit per event, so each has its own place in the outbox's order.
        for (var sequence = 0; sequence < PerKey; sequence++)
        {
            foreach (var key in Keys)
            {
                await using var scope = host.Services.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<ISender>().Send(new RecordKeyedThing(key, sequence), Ct);
            }
        }

        var applied = await Eventually.Until(() => Task.FromResult(calls.Keyed), a => a.Count == Keys.Length * PerKey, "every keyed event applied");

        // One at a time, twelve applications of 200 ms would never overlap.
        Assert.True(calls.MostKeyedInFlight >= 2, $"at most {calls.MostKeyedInFlight} applied at once");
        Assert.Equal(0, calls.SameKeyOverlaps);
        foreach (var key in Keys)
        {
            Assert.Equal(Enumerable.Range(0, PerKey), applied.Where(a => a.Key == key).Select(a => a.Sequence));
        }
    }
}
