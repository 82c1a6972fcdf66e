using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

/// <summary>
/// The readiness report, from one run of the checks shared by every caller while it runs and for
/// <see cref="HealthOptions.CacheDuration"/> after it finished, so however often <c>/health</c> is asked the
/// dependencies are checked at most once per period.
/// </summary>
internal sealed class CachedHealthReport(HealthCheckService checks, IOptions<HealthOptions> options, TimeProvider time)
{
    private readonly Lock _gate = new();
    private Task<HealthReport>? _run;
    private long _finishedAt;

    /// <summary>Runs of the checks so far.</summary>
    public int Runs { get; private set; }

    public Task<HealthReport> GetAsync()
    {
        lock (_gate)
        {
            if (_run is null || (_run.IsCompleted && time.GetElapsedTime(_finishedAt) >= options.Value.CacheDuration))
            {
                Runs++;
                _run = RunAsync();
            }

            return _run;
        }
    }

    private async Task<HealthReport> RunAsync()
    {
        try
        {
            // Not cancelled with the request that started it: other callers wait for the same run.
            return await checks.CheckHealthAsync(IsReadinessCheck, CancellationToken.None).ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                _finishedAt = time.GetTimestamp();
            }
        }
    }

    internal static bool IsReadinessCheck(HealthCheckRegistration check) =>
        check.Tags.Contains(ServiceDefaultsExtensions.ReadyTag) || check.Tags.Contains(ServiceDefaultsExtensions.LiveTag);
}
