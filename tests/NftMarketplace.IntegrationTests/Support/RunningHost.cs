using Microsoft.Extensions.Hosting;

namespace NftMarketplace.IntegrationTests.Support;

/// <summary>A started host that stops gracefully (background workers included) when disposed.</summary>
public sealed class RunningHost(IHost host) : IAsyncDisposable
{
    public IServiceProvider Services => host.Services;

    public static async Task<RunningHost> StartAsync(IHost host)
    {
        ArgumentNullException.ThrowIfNull(host);
        await host.StartAsync(TestContext.Current.CancellationToken);
        return new RunningHost(host);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await host.StopAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            host.Dispose();
        }
    }
}
