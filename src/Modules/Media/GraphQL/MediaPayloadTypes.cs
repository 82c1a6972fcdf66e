using GraphQL.Types;
using NftMarketplace.Modules.Media.Contracts;
using NftMarketplace.Modules.Media.Persistence;
using NftMarketplace.Modules.Media.Storing;

namespace NftMarketplace.Modules.Media.GraphQL;

internal sealed class UploadMediaPayloadType : ObjectGraphType<IReadOnlyList<AssetDocument>>
{
    public UploadMediaPayloadType()
    {
        Name = "UploadMediaPayload";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaAssetType>>>>("assets")
            .Description("One asset per file, in the order sent; the same bytes as an existing asset give that asset.")
            .Resolve(c => c.Source);
    }
}

internal sealed class PinMetadataPayloadType : ObjectGraphType<PinnedMetadataDto>
{
    public PinMetadataPayloadType()
    {
        Name = "PinMetadataPayload";
        Field<NonNullGraphType<StringGraphType>>("cid").Resolve(c => c.Source.Cid);
        Field<NonNullGraphType<StringGraphType>>("uri").Resolve(c => c.Source.Uri);
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => MediaAssetType.Absolute(c, MediaUrls.OriginalPath(c.Source.Cid)));
    }
}
