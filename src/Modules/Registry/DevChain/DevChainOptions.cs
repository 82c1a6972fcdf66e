namespace NftMarketplace.Modules.Registry.DevChain;

/// <summary><c>Registry:DevChain</c>: deploying the factory to the local Anvil and registering it at start-up.</summary>
public sealed class DevChainOptions
{
    public const string Section = "Registry:DevChain";

    /// <summary>Anvil's account 0 — public knowledge, a development key only.</summary>
    public const string AnvilAccount0Key = "0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

    /// <summary>Run the bootstrap at start-up; when unset, on in Development only.</summary>
    public bool? Enabled { get; set; }

    /// <summary>The key that pays for the deployments (hex private key).</summary>
    public string DeployerKey { get; set; } = AnvilAccount0Key;

    /// <summary>
    /// The only chain the bootstrap deploys to (Anvil's 31337): a <c>chain</c> connection string pointing elsewhere
    /// stops the bootstrap rather than spending the dev key on a real network.
    /// </summary>
    public long ChainNumber { get; set; } = 31337;

    /// <summary>Chain name registered for the dev chain.</summary>
    public string ChainName { get; set; } = "Anvil (local)";

    internal IEnumerable<string> Validate()
    {
        var key = DeployerKey.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? DeployerKey[2..] : DeployerKey;
        if (key.Length != 64 || !key.All(Uri.IsHexDigit))
        {
            yield return "DeployerKey must be a 32-byte hex private key.";
        }

        if (ChainNumber <= 0)
        {
            yield return "ChainNumber must be positive.";
        }

        if (string.IsNullOrWhiteSpace(ChainName) || ChainName.Length > 100)
        {
            yield return "ChainName must be 1 to 100 characters.";
        }
    }
}
