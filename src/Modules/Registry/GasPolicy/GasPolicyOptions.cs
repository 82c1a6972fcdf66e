namespace NftMarketplace.Modules.Registry.GasPolicy;

/// <summary>Gas policy observation (configuration section <c>Registry:GasPolicy</c>).</summary>
public sealed class GasPolicyOptions
{
    public const string Section = "Registry:GasPolicy";

    /// <summary>How often every enabled chain's fee suggestions are refreshed; zero turns observation off.</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromSeconds(30);

    internal IEnumerable<string> Validate()
    {
        if (Interval < TimeSpan.Zero || (Interval > TimeSpan.Zero && Interval < TimeSpan.FromSeconds(1)))
        {
            yield return $"{Section}:{nameof(Interval)} must be zero (off) or at least 00:00:01 (got {Interval}).";
        }
    }
}
