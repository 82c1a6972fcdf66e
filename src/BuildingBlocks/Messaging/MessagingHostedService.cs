using Microsoft.Extensions.Hosting;

namespace NftMarketplace.BuildingBlocks.Messaging;

/// <summary>Declares the topology, then starts the consumers; stops them first on shutdown.</summary>
internal sealed class MessagingHostedService(TopologyDeclarer topology, RabbitMqConsumerHost consumers) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await topology.DeclareAsync(cancellationToken).ConfigureAwait(false);
        await consumers.StartAsync(cancellationToken).ConfigureAwait(false);
    }

    public Task StopAsync(CancellationToken cancellationToken) => consumers.StopAsync();
}
