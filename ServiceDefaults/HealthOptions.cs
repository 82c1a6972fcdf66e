namespace Microsoft.Extensions.Hosting;

/// <summary>How <c>/health</c> answers (configuration section <c>Health</c>).</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>
    /// How long one run of the dependency checks answers every caller. <c>/health</c> is anonymous and not rate
    /// limited, so without this each request would open a database connection, a broker channel, an RPC call…;
    /// callers arriving while a run is under way wait for that run. Zero runs the checks per request.
    /// </summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromSeconds(3);

    internal IEnumerable<string> Validate()
    {
        if (CacheDuration < TimeSpan.Zero || CacheDuration > TimeSpan.FromMinutes(1))
        {
            yield return $"{Section}:{nameof(CacheDuration)} must be between 00:00:00 and 00:01:00 (got {CacheDuration}).";
        }
    }
}
