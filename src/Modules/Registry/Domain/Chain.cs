namespace NftMarketplace.Modules.Registry.Domain;

/// <summary>A chain of the registry (table <c>registry.chains</c>).</summary>
internal sealed class Chain
{
    public int Id { get; set; }

    /// <summary>CAIP-2 id, e.g. <c>eip155:31337</c>; unique.</summary>
    public required string Caip2 { get; set; }

    /// <summary>The EIP-155 chain number (e.g. 31337).</summary>
    public long ChainNumber { get; set; }

    public required string Name { get; set; }

    public required string NativeSymbol { get; set; }

    public int Decimals { get; set; }

    public string? ExplorerUrl { get; set; }

    public bool Enabled { get; set; }

    public List<string> Features { get; set; } = [];

    public int ConfirmationsRequired { get; set; }

    /// <summary>Grows with every change of the chain or anything it owns; names its cache entry.</summary>
    public long Version { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public List<ChainEndpoint> Endpoints { get; set; } = [];

    public List<ChainContract> Contracts { get; set; } = [];

    public ChainGasPolicy? GasPolicy { get; set; }

    /// <summary>
    /// Marks a change: the version moves past both its old value and the clock's ticks, so it only grows, and two databases
    /// (e.g. test databases sharing one Redis) practically never reach the same version of the same chain.
    /// </summary>
    public void Touch(DateTimeOffset now)
    {
        Version = Math.Max(Version + 1, now.UtcTicks);
        UpdatedAt = now;
    }
}

/// <summary>An RPC endpoint of a chain (table <c>registry.chain_endpoints</c>).</summary>
internal sealed class ChainEndpoint
{
    public long Id { get; set; }

    public int ChainId { get; set; }

    public required string Url { get; set; }

    public int Priority { get; set; }

    public int Weight { get; set; } = 1;

    /// <summary>Requests per second the endpoint allows, or null for no limit.</summary>
    public int? RateLimit { get; set; }

    public bool Active { get; set; } = true;
}

/// <summary>A contract on a chain (table <c>registry.chain_contracts</c>).</summary>
internal sealed class ChainContract
{
    public long Id { get; set; }

    public int ChainId { get; set; }

    public required string Name { get; set; }

    /// <summary>EIP-55 form.</summary>
    public required string Address { get; set; }

    public long StartBlock { get; set; }

    public DateTimeOffset? VerifiedAt { get; set; }
}

/// <summary>A chain's gas policy (table <c>registry.chain_gas_policy</c>), in gwei.</summary>
internal sealed class ChainGasPolicy
{
    public int ChainId { get; set; }

    public decimal? MaxFeeGwei { get; set; }

    public decimal? PriorityFeeGwei { get; set; }

    public decimal Multiplier { get; set; } = 1m;

    public decimal? LastObservedBaseFeeGwei { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
