using System.Diagnostics.CodeAnalysis;

namespace NftMarketplace.Modules.Catalog.Metadata;

/// <summary>A fetched body and its media type, or a <see cref="MetadataErrorCode"/> and a reason.</summary>
internal sealed record FetchedDocument(byte[]? Content, string? MediaType, string? ErrorCode, string? Error)
{
    [MemberNotNullWhen(true, nameof(Content))]
    [MemberNotNullWhen(false, nameof(ErrorCode), nameof(Error))]
    public bool IsOk => Content is not null;

    public static FetchedDocument Ok(byte[] content, string? mediaType) => new(content, mediaType, null, null);

    public static FetchedDocument Failed(string code, string error) => new(null, null, code, error);
}
