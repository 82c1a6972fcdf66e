using System.Diagnostics.CodeAnalysis;

namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>The outcome of normalizing a document: the metadata, or a <see cref="MetadataErrorCode"/> and a reason.</summary>
internal sealed record MetadataNormalization(NormalizedMetadata? Metadata, string? ErrorCode, string? Error)
{
    [MemberNotNullWhen(true, nameof(Metadata))]
    [MemberNotNullWhen(false, nameof(ErrorCode), nameof(Error))]
    public bool IsOk => Metadata is not null;

    public static MetadataNormalization Ok(NormalizedMetadata metadata) => new(metadata, null, null);

    public static MetadataNormalization Failed(string code, string error) => new(null, code, error);
}
