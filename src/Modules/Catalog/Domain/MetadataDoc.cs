using System.Numerics;

namespace NftMarketplace.Modules.Catalog.Domain;

/// <summary>
/// A token's metadata document (table <c>catalog.metadata_docs</c>), original and normalized, with the state of its
/// fetching. No row reads as status <c>NONE</c>.
/// </summary>
internal sealed class MetadataDoc
{
    public required string ChainId { get; init; }

    public required string Contract { get; init; }

    public BigInteger TokenId { get; init; }

    public string? TokenUri { get; set; }

    /// <summary><c>NONE</c>, <c>OK</c> or <c>FAILED</c>.</summary>
    public required string Status { get; set; }

    public string? ErrorCode { get; set; }

    public string? Error { get; set; }

    /// <summary>The document as fetched (jsonb).</summary>
    public string? Original { get; set; }

    /// <summary>The document in the common metadata standard (jsonb).</summary>
    public string? Normalized { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    public string? ImageUrl { get; set; }

    public string? AnimationUrl { get; set; }

    public string? ExternalUrl { get; set; }

    /// <summary><c>[{traitType, value, displayType}]</c> (jsonb).</summary>
    public string Attributes { get; set; } = "[]";

    public int Attempts { get; set; }

    public DateTimeOffset? NextAttemptAt { get; set; }

    public DateTimeOffset? FetchedAt { get; set; }

    /// <summary>When a refresh was last asked for: the cooldown of <c>refreshTokenMetadata</c>.</summary>
    public DateTimeOffset? RefreshRequestedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
