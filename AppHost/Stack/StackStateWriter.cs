using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace NftMarketplace.AppHost.Stack;

/// <summary>
/// Mirrors the orchestrator's view of the stack into the state dir for scripts: <c>resources.json</c> (state and
/// health of every resource, kept current) and <c>logs/&lt;resource&gt;.log</c> (each resource's console output).
/// <c>./nft up</c> reads them to name the component that failed and the log to look at.
/// It keeps going until the AppHost has stopped (not merely started stopping) so the files also record how each
/// resource shut down.
/// </summary>
public sealed partial class StackStateWriter(
    ResourceNotificationService notifications,
    ResourceLoggerService resourceLogs,
    IHostApplicationLifetime lifetime,
    StackStateWriter.RunInfo run,
    ILogger<StackStateWriter> logger) : IHostedLifecycleService
{
    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    private readonly SortedDictionary<string, ResourceState> _resources = new(StringComparer.Ordinal);
    private readonly HashSet<string> _watchedLogs = new(StringComparer.Ordinal);

    /// <summary>Where to write, and the mode decision to record.</summary>
    public sealed record RunInfo(string StateDir, StackMode Mode, string ModeReason);

    public static void Register(IDistributedApplicationBuilder builder, RunInfo run)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddSingleton(run);
        builder.Services.AddHostedService<StackStateWriter>();
    }

    private string LogsDir => Path.Combine(run.StateDir, "logs");

    // Starting, not Start: the orchestrator's StartAsync runs first and can take a while (or, with a broken
    // container runtime, never return), and resources.json should show that too.
    public Task StartingAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(LogsDir);
        LogMode(logger, run.Mode, run.ModeReason);
        WriteState();
        _ = WatchAsync(lifetime.ApplicationStopped);
        return Task.CompletedTask;
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    // Returns at once: the watch ends with ApplicationStopped, after the orchestrator has stopped the resources.
    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WatchAsync(CancellationToken stopped)
    {
        try
        {
            await foreach (var resourceEvent in notifications.WatchAsync(stopped).ConfigureAwait(false))
            {
                if (resourceEvent.Resource is ParameterResource || resourceEvent.Snapshot.IsHidden)
                {
                    continue;
                }

                var name = resourceEvent.Resource.Name;
                var logFile = Path.Combine(LogsDir, $"{name}.log");
                _resources[name] = ResourceState.From(resourceEvent.Snapshot, logFile);
                if (_watchedLogs.Add(resourceEvent.ResourceId))
                {
                    _ = PumpLogsAsync(resourceEvent.ResourceId, logFile, stopped);
                }

                WriteState();
            }
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            // The AppHost has stopped.
        }
    }

    private async Task PumpLogsAsync(string resourceId, string logFile, CancellationToken stopped)
    {
        try
        {
            var stream = new FileStream(logFile, FileMode.Create, FileAccess.Write, FileShare.ReadWrite);
            var writer = new StreamWriter(stream);
            await using (writer.ConfigureAwait(false))
            {
                await foreach (var batch in resourceLogs.WatchAsync(resourceId).WithCancellation(stopped).ConfigureAwait(false))
                {
                    foreach (var line in batch)
                    {
                        await writer.WriteLineAsync(line.Content).ConfigureAwait(false);
                    }

                    await writer.FlushAsync(stopped).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (stopped.IsCancellationRequested)
        {
            // The AppHost has stopped.
        }
        catch (IOException ex)
        {
            LogWriteFailed(logger, logFile, ex);
        }
    }

    private void WriteState()
    {
        var path = Path.Combine(run.StateDir, "resources.json");
        var temporary = path + ".tmp";
        try
        {
            var document = new StateDocument(run.Mode, run.ModeReason, Environment.ProcessId, DateTimeOffset.UtcNow, _resources);
            File.WriteAllText(temporary, JsonSerializer.Serialize(document, JsonOptions));
            File.Move(temporary, path, overwrite: true);
        }
        catch (IOException ex)
        {
            LogWriteFailed(logger, path, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Stack mode: {Mode} ({Reason})")]
    private static partial void LogMode(ILogger logger, StackMode mode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not write {Path}")]
    private static partial void LogWriteFailed(ILogger logger, string path, Exception exception);

    private sealed record StateDocument(
        StackMode Mode, string ModeReason, int AppHostPid, DateTimeOffset Updated, IReadOnlyDictionary<string, ResourceState> Resources);

    private sealed record HealthReport(string Name, HealthStatus? Status, string? Description);

    private sealed record ResourceState(
        string? Type, string? State, HealthStatus? Health, int? ExitCode, string Log, IReadOnlyList<HealthReport> HealthReports, string? ConnectionString)
    {
        public static ResourceState From(CustomResourceSnapshot snapshot, string logFile) => new(
            snapshot.ResourceType,
            snapshot.State?.Text,
            snapshot.HealthStatus,
            snapshot.ExitCode,
            logFile,
            [.. snapshot.HealthReports.Select(report => new HealthReport(report.Name, report.Status, report.Description ?? report.ExceptionText))],
            snapshot.Properties.FirstOrDefault(property => property.Name == CustomResourceKnownProperties.ConnectionString)?.Value as string);
    }
}
