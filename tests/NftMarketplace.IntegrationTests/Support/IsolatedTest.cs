using NftMarketplace.IntegrationTests.Infrastructure;

namespace NftMarketplace.IntegrationTests.Support;

/// <summary>A test class that gets its own database and RabbitMQ virtual host (see <see cref="IsolatedEnvironment"/>).</summary>
public abstract class IsolatedTest(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    protected InfrastructureFixture Infrastructure { get; } = infrastructure;

    protected IsolatedEnvironment Environment { get; private set; } = null!;

    public virtual async ValueTask InitializeAsync() =>
        Environment = await IsolatedEnvironment.CreateAsync(
            Infrastructure.PostgresConnectionString, Infrastructure.RabbitMqUri, Infrastructure.RabbitMqManagementUri);

    public virtual async ValueTask DisposeAsync()
    {
        await Environment.DisposeAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Starts the real Host process on this environment and waits until it reports healthy.</summary>
    protected async Task<HostProcess> StartHealthyHostAsync(Action<Dictionary<string, string?>>? configure = null)
    {
        var configuration = Environment.HostEnvironment(Infrastructure);
        configure?.Invoke(configuration);
        return await HostProcess.StartHealthyAsync(configuration);
    }
}
