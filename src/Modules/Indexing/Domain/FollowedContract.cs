namespace NftMarketplace.Modules.Indexing.Domain;

/// <summary>A contract whose logs the follower of its chain reads, from <see cref="FromBlock"/> on.</summary>
internal sealed class FollowedContract
{
    public required string ChainId { get; init; }

    /// <summary>0x-prefixed lowercase.</summary>
    public required string Address { get; init; }

    /// <summary>One of <see cref="FollowedStandards"/>.</summary>
    public required string Standard { get; set; }

    public long FromBlock { get; set; }

    /// <summary>One of <see cref="FollowedSources"/>.</summary>
    public required string Source { get; init; }

    /// <summary>For a created collection, the factory that created it.</summary>
    public string? Factory { get; init; }

    /// <summary>One of <see cref="BackfillStatuses"/>.</summary>
    public required string BackfillStatus { get; set; }

    /// <summary>The highest block whose logs of this contract are stored (a tracked contract's own backfill).</summary>
    public long BackfilledTo { get; set; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>What a followed contract is.</summary>
internal static class FollowedStandards
{
    public const string Factory = "factory";

    public const string Erc721 = "erc721";

    public const string Erc1155 = "erc1155";
}

/// <summary>How a contract came to be followed.</summary>
internal static class FollowedSources
{
    /// <summary>A factory the registry lists.</summary>
    public const string Factory = "factory";

    /// <summary>Created by a followed factory.</summary>
    public const string Created = "created";

    /// <summary>Tracked on an admin's request.</summary>
    public const string Tracked = "tracked";
}

/// <summary>Whether a followed contract's history has been read up to the live follower.</summary>
internal static class BackfillStatuses
{
    public const string Backfilling = Contracts.IndexStatuses.Backfilling;

    public const string Live = Contracts.IndexStatuses.Live;
}
