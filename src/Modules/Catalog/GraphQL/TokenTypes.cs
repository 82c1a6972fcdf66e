using System.Numerics;
using System.Text.Json;
using GraphQL;
using GraphQL.Types;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog.GraphQL;

/// <summary>
/// <c>Token</c>: the chain's state (owner, supply, mint), the metadata document (no document yet: status NONE), the
/// rarity and the flags all come with the token's own row (one statement per page); collection, holders and activity
/// are batched hops.
/// </summary>
internal sealed class TokenType : ObjectGraphType<TokenView>
{
    public const string TypeName = "Token";

    public TokenType()
    {
        Name = TypeName;
        Description = "An NFT: an ERC-721 token or an ERC-1155 id.";
        this.IsNode(t => t.Key);
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Resolve(c => c.Source.ChainId);
        Field<NonNullGraphType<AddressGraphType>>("contract").Resolve(c => c.Source.Contract);
        Field<NonNullGraphType<BigIntegerGraphType>>("tokenId").Resolve(c => CollectionType.Big(c.Source.TokenId));
        Field<NonNullGraphType<TokenStandardGraphType>>("standard").Resolve(c => c.Source.Standard);
        Field<NonNullGraphType<CollectionType>>("collection")
            .Resolve(c => c.Loader<CollectionsByKey>().Load(c.Source.CollectionKey).Then(row => (object?)row ?? Fallback(c.Source)));
        Field<AddressGraphType>("owner").Description("ERC721: the owner (null once burned). ERC1155: null.")
            .Resolve(c => c.Source.Standard == TokenStandardGraphType.Erc721 ? c.Source.Owner : null);
        Field<NonNullGraphType<ConnectionGraphType<TokenBalanceType>>>("balances")
            .Description("ERC1155 holders with their balances; ERC721: the owner with 1.")
            .Argument<IntGraphType>(PageRequest.FirstArgument, "At most this many holders (100 at most).")
            .Argument<StringGraphType>(PageRequest.AfterArgument, "Cursor of the holder the page starts after.")
            .Resolve(c => CatalogPages.Balances(c, c.Source));
        Field<NonNullGraphType<BigIntegerGraphType>>("supply").Description("ERC721: 1 (0 once burned). ERC1155: units in existence.")
            .Resolve(c => CollectionType.Big(c.Source.Supply));
        Field<StringGraphType>("tokenUri").Resolve(c => c.Source.TokenUri);
        Field<StringGraphType>("name").Resolve(c => c.Source.Name);
        Field<StringGraphType>("description").Resolve(c => c.Source.Description);
        Field<StringGraphType>("imageUrl").Resolve(c => c.Source.ImageUrl);
        Field<StringGraphType>("animationUrl").Resolve(c => c.Source.AnimationUrl);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TokenAttributeType>>>>("attributes").Resolve(c => Attributes(c.Source.AttributesJson));
        Field<NonNullGraphType<StringGraphType>>("metadataStatus").Description("NONE until fetched; OK; FAILED with metadataErrorCode and metadataError.")
            .Resolve(c => c.Source.MetadataStatus);
        Field<StringGraphType>("metadataErrorCode")
            .Description("Stable reason of a FAILED fetch: BLOCKED_ADDRESS (SSRF guard), UNSUPPORTED_URI, TIMEOUT, TOO_LARGE, HTTP_STATUS, "
                + "INVALID_JSON, NOT_FOUND (no tokenURI), RPC_ERROR.")
            .Resolve(c => c.Source.MetadataErrorCode);
        Field<StringGraphType>("metadataError").Description("Human-readable detail of the failure.").Resolve(c => c.Source.MetadataError);
        Field<TokenRarityType>("rarity").Resolve(c => c.Source.RarityRank is null ? null : c.Source);
        Field<UtcDateTimeGraphType>("mintedAt").Resolve(c => c.Source.MintedAt);
        Field<BigIntegerGraphType>("mintedBlock").Resolve(c => c.Source.MintedBlock is { } block ? new BigInteger(block) : (BigInteger?)null);
        Field<NonNullGraphType<ConnectionGraphType<ActivityType>>>("activity")
            .Description("Newest first.")
            .Argument<IntGraphType>(PageRequest.FirstArgument, "At most this many activities (100 at most).")
            .Argument<StringGraphType>(PageRequest.AfterArgument, "Cursor of the activity the page starts after.")
            .Argument<ListGraphType<NonNullGraphType<ActivityTypeEnum>>>("types", "Only these kinds; all when omitted.")
            .Resolve(c => CatalogPages.Activity(c, c.Source.Key));
        Field<NonNullGraphType<TokenFlagsType>>("flags").Description("What admins marked: flagged (spam or NSFW) tokens are left out of lists unless asked for.")
            .Resolve(c => c.Source);
    }

    /// <summary>The normalized document's attributes; values that are not strings show as their JSON text.</summary>
    internal static IReadOnlyList<TokenAttributeView> Attributes(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return [];
        }

        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Array)
        {
            return [];
        }

        var attributes = new List<TokenAttributeView>();
        foreach (var item in document.RootElement.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("traitType", out var type) && type.ValueKind == JsonValueKind.String
                && item.TryGetProperty("value", out var value))
            {
                var display = item.TryGetProperty("displayType", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString() : null;
                attributes.Add(new TokenAttributeView(type.GetString()!, value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText(), display));
            }
        }

        return attributes;
    }

    private static CollectionView Fallback(TokenView token) => new(
        token.ChainId, token.Contract, token.Standard, null, null, token.Contract, null, null, null, null, null, 0, null, "0", null, DateTimeOffset.MinValue);
}

internal sealed class TokenAttributeType : ObjectGraphType<TokenAttributeView>
{
    public TokenAttributeType()
    {
        Name = "TokenAttribute";
        Field<NonNullGraphType<StringGraphType>>("traitType").Resolve(c => c.Source.TraitType);
        Field<NonNullGraphType<StringGraphType>>("value").Resolve(c => c.Source.Value);
        Field<StringGraphType>("displayType").Resolve(c => c.Source.DisplayType);
    }
}

/// <summary>The rarity columns of a token; null (no field) until the collection has been ranked.</summary>
internal sealed class TokenRarityType : ObjectGraphType<TokenView>
{
    public TokenRarityType()
    {
        Name = "TokenRarity";
        Description = "OpenRarity (reference implementation 0.7.x): score and rank (1 = rarest) among the collection's tokens. Numeric and "
            + "date traits are left out entirely (neither scored nor counted in the trait count), as if the tokens did not have them.";
        Field<NonNullGraphType<FloatGraphType>>("score").Resolve(c => c.Source.RarityScore);
        Field<NonNullGraphType<IntGraphType>>("rank").Resolve(c => c.Source.RarityRank);
        Field<NonNullGraphType<StringGraphType>>("method").Resolve(c => c.Source.RarityMethod);
    }
}

internal sealed class TokenBalanceType : ObjectGraphType<TokenBalanceView>
{
    public TokenBalanceType()
    {
        Name = "TokenBalance";
        Field<NonNullGraphType<AddressGraphType>>("owner").Resolve(c => c.Source.Owner);
        Field<NonNullGraphType<BigIntegerGraphType>>("quantity").Resolve(c => CollectionType.Big(c.Source.Quantity));
    }
}

internal sealed class TokenFlagsType : ObjectGraphType<TokenView>
{
    public TokenFlagsType()
    {
        Name = "TokenFlags";
        Description = "Marks an admin set on a token, with why.";
        Field<NonNullGraphType<BooleanGraphType>>("spam").Resolve(c => c.Source.IsSpam);
        Field<NonNullGraphType<BooleanGraphType>>("nsfw").Resolve(c => c.Source.IsNsfw);
        Field<NonNullGraphType<BooleanGraphType>>("frozen").Resolve(c => c.Source.IsFrozen);
        Field<StringGraphType>("reason").Resolve(c => c.Source.FlagReason);
    }
}
