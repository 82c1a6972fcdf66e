using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NftMarketplace.AppHost.Stack;

/// <summary>
/// Stops resources in dependency order when the AppHost stops. Left alone the orchestrator stops everything at
/// once: the Host would lose its database mid-request, and PostgreSQL takes DCP's SIGTERM as a "smart" shutdown
/// that waits for connected clients until it is killed (and then runs crash recovery at the next start).
/// Steps run one after another, lowest order first, before the orchestrator stops the rest.
/// </summary>
public sealed partial class StopSequence(IEnumerable<StopSequence.Step> steps, IServiceProvider services, ILogger<StopSequence> logger)
    : IHostedLifecycleService
{
    /// <summary>Order of the Host's step: dependents stop before the infrastructure they use.</summary>
    public const int DependentsOrder = 0;

    /// <summary>Order of the infrastructure's steps.</summary>
    public const int InfrastructureOrder = 100;

    private static readonly TimeSpan StepTimeout = TimeSpan.FromSeconds(20);

    public sealed record Step(int Order, string Name, Func<IServiceProvider, CancellationToken, Task> StopAsync);

    public static void Add(IDistributedApplicationBuilder builder, int order, string name, Func<IServiceProvider, CancellationToken, Task> stopAsync)
    {
        ArgumentNullException.ThrowIfNull(builder);
        if (builder.ExecutionContext.IsPublishMode)
        {
            return;
        }

        builder.Services.AddSingleton(new Step(order, name, stopAsync));
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, StopSequence>());
    }

    /// <summary>Stops a resource through the orchestrator and waits until it has stopped.</summary>
    public static async Task StopResourceAsync(IServiceProvider services, IResource resource, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(resource);
        var notifications = services.GetRequiredService<ResourceNotificationService>();
        // Replays the latest state at once (every resource has one from the start).
        var latest = await notifications.WaitForResourceAsync(resource.Name, _ => true, cancellationToken).ConfigureAwait(false);
        var state = latest.Snapshot.State?.Text;
        if (state != KnownResourceStates.Running && state != KnownResourceStates.Starting)
        {
            return;
        }

        await services.GetRequiredService<ResourceCommandService>()
            .ExecuteCommandAsync(resource, KnownResourceCommands.StopCommand, cancellationToken).ConfigureAwait(false);
        await notifications.WaitForResourceAsync(resource.Name, KnownResourceStates.TerminalStates, cancellationToken).ConfigureAwait(false);
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        foreach (var step in steps.OrderBy(step => step.Order))
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(StepTimeout);
            try
            {
                await step.StopAsync(services, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception ex)
            {
                LogStepFailed(logger, step.Name, ex);
            }
        }
    }

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping {Step} in order failed; the orchestrator stops it with the rest")]
    private static partial void LogStepFailed(ILogger logger, string step, Exception exception);
}
