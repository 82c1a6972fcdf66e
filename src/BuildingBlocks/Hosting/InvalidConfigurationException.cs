namespace NftMarketplace.BuildingBlocks.Hosting;

/// <summary>Configuration the process cannot start with; the message names the key at fault.</summary>
public sealed class InvalidConfigurationException(string key, string problem)
    : Exception($"Configuration '{key}' {problem}")
{
    public string Key { get; } = key;
}
