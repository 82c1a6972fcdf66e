using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Media.Images;
using NftMarketplace.Modules.Media.Persistence;
using NftMarketplace.Modules.Media.Storing;

namespace NftMarketplace.Modules.Media.GraphQL;

/// <summary><c>MediaAsset</c>: a stored upload or pinned metadata, by the CID of its stored bytes.</summary>
internal sealed class MediaAssetType : ObjectGraphType<AssetDocument>
{
    public const string TypeName = "MediaAsset";

    public MediaAssetType()
    {
        Name = TypeName;
        Description = "Stored media or metadata, addressed by the CID of its stored bytes.";
        this.IsNode(a => a.Cid);
        Field<NonNullGraphType<StringGraphType>>("cid")
            .Description("CIDv1 (base32) of the stored bytes — the bytes `url` serves — equal to what `ipfs add --cid-version=1` prints with kubo's classic defaults: 256 KiB fixed-size chunks, raw leaves, balanced DAG of at most 174 links per node, sha2-256. (Not the newer 1 MiB / 1024-link profile.) Stored bytes = the upload with EXIF/GPS removed where the format carries it; dedupe is on the stored bytes.")
            .Resolve(c => c.Source.Cid);
        Field<NonNullGraphType<StringGraphType>>("uri").Description("ipfs://<cid>: put this in metadata; the catalog resolves it through this server.")
            .Resolve(c => MediaUrls.IpfsUri(c.Source.Cid));
        Field<NonNullGraphType<StringGraphType>>("url").Description("An HTTP URL of this server that serves the bytes (content type, length, ETag, range requests).")
            .Resolve(c => Absolute(c, MediaUrls.OriginalPath(c.Source.Cid)));
        Field<NonNullGraphType<StringGraphType>>("mime").Resolve(c => c.Source.Mime);
        Field<NonNullGraphType<IntGraphType>>("bytes").Resolve(c => checked((int)c.Source.Bytes));
        Field<NonNullGraphType<HexGraphType>>("sha256").Resolve(c => Hex.Parse(c.Source.Sha256));
        Field<IntGraphType>("width").Resolve(c => c.Source.Width);
        Field<IntGraphType>("height").Resolve(c => c.Source.Height);
        Field<HexGraphType>("phash").Description("64-bit DCT perceptual hash (images), as 16 hex digits after 0x.")
            .Resolve(c => c.Source.Phash is { } phash ? Hex.Parse(phash) : (Hex?)null);
        Field<NonNullGraphType<ModerationStatusType>>("moderation").Resolve(c => MediaDocuments.ParseModeration(c.Source.Moderation));
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<MediaVariantType>>>>("variants")
            .Description("Smaller WebP renditions of an image, narrowest first (never wider than the original).")
            .Resolve(c => c.Source.Variants);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("createdAt").Resolve(c => c.Source.CreatedAt);
    }

    /// <summary>A path of this server made absolute with the request's scheme and host.</summary>
    public static string Absolute(IResolveFieldContext context, string path)
    {
        var request = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext?.Request;
        return request is null ? path : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";
    }
}

internal sealed class MediaVariantType : ObjectGraphType<VariantDocument>
{
    public MediaVariantType()
    {
        Name = "MediaVariant";
        Field<NonNullGraphType<StringGraphType>>("url").Resolve(c => MediaAssetType.Absolute(c, c.Source.CdnUrl));
        Field<NonNullGraphType<IntGraphType>>("width").Resolve(c => c.Source.W);
        Field<NonNullGraphType<IntGraphType>>("height").Resolve(c => c.Source.H);
        Field<NonNullGraphType<StringGraphType>>("mime").Resolve(c => c.Source.Mime);
        Field<NonNullGraphType<IntGraphType>>("bytes").Resolve(c => checked((int)c.Source.Bytes));
    }
}

internal sealed class ModerationStatusType : EnumerationGraphType<ModerationStatus>
{
    public ModerationStatusType()
    {
        Name = "ModerationStatus";
        Description = "PENDING: seen by its uploader (and admins) only; APPROVED: public; REJECTED: not served.";
    }
}
