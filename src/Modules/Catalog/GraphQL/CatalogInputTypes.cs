using System.Globalization;
using System.Numerics;
using GraphQL.Types;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Catalog.Metadata.Refreshing;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog.GraphQL;

internal sealed class TokenOrderType : EnumerationGraphType
{
    public TokenOrderType()
    {
        Name = "TokenOrder";
        Add("TOKEN_ID_ASC", TokenOrder.TokenIdAsc);
        Add("TOKEN_ID_DESC", TokenOrder.TokenIdDesc);
        Add("RARITY_RANK_ASC", TokenOrder.RarityRankAsc, "Rarest first (rank 1); tokens not ranked yet last.");
        Add("MINTED_AT_DESC", TokenOrder.MintedAtDesc, "Newest mint first.");
    }
}

internal sealed class TraitFilterType : InputObjectGraphType<TraitFilterInput>
{
    public const int MaxValues = 100;

    public TraitFilterType()
    {
        Name = "TraitFilter";
        Description = "Names and values match as traits group them (trimmed, case-insensitive).";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("values")
            .Description("Any of these values (OR); filters on different traits are AND.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var values = value["values"] is System.Collections.IEnumerable items ? items.Cast<string>().ToList() : [];
        if (values.Count is 0 or > MaxValues)
        {
            throw new BadInputException($"A trait filter takes 1 to {MaxValues} values (got {values.Count}).", "filter.traits");
        }

        return new TraitFilterInput((string)value["name"]!, values);
    }
}

internal sealed class NumericTraitFilterType : InputObjectGraphType<NumericTraitFilterInput>
{
    public NumericTraitFilterType()
    {
        Name = "NumericTraitFilter";
        Description = "min and max are inclusive.";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<FloatGraphType>("min");
        Field<FloatGraphType>("max");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        double? Number(string name) => value.TryGetValue(name, out var n) && n is not null ? Convert.ToDouble(n, CultureInfo.InvariantCulture) : null;
        var (min, max) = (Number("min"), Number("max"));
        if (min > max)
        {
            throw new BadInputException($"A numeric trait filter's min ({min}) is above its max ({max}).", "filter.numericTraits");
        }

        return new NumericTraitFilterInput((string)value["name"]!, min, max);
    }
}

internal sealed class TokenFilterInputType : InputObjectGraphType<TokenFilterInput>
{
    public const int MaxFilters = 20;

    public TokenFilterInputType()
    {
        Name = "TokenFilter";
        Field<ListGraphType<NonNullGraphType<TraitFilterType>>>("traits");
        Field<ListGraphType<NonNullGraphType<NumericTraitFilterType>>>("numericTraits");
        Field<AddressGraphType>("owner");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var traits = value.TryGetValue("traits", out var t) && t is System.Collections.IEnumerable tl ? tl.Cast<TraitFilterInput>().ToList() : [];
        var numeric = value.TryGetValue("numericTraits", out var n) && n is System.Collections.IEnumerable nl ? nl.Cast<NumericTraitFilterInput>().ToList() : [];
        if (traits.Count + numeric.Count > MaxFilters)
        {
            throw new BadInputException($"Filter on at most {MaxFilters} traits at once.", "filter");
        }

        return new TokenFilterInput(traits, numeric, value.TryGetValue("owner", out var o) && o is Address owner ? owner.Value : null);
    }
}

internal sealed class SetTokenFlagsInputType : InputObjectGraphType<SetTokenFlags>
{
    public SetTokenFlagsInputType()
    {
        Name = "SetTokenFlagsInput";
        Description = "Flags left out keep their value.";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<NonNullGraphType<AddressGraphType>>("contract");
        Field<NonNullGraphType<BigIntegerGraphType>>("tokenId");
        Field<BooleanGraphType>("spam").Description("Hidden from lists unless asked for.");
        Field<BooleanGraphType>("nsfw").Description("Hidden from lists unless asked for.");
        Field<BooleanGraphType>("frozen");
        Field<NonNullGraphType<StringGraphType>>("reason").Description("Why, for the other admins; 1 to 500 characters.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tokenId = (BigInteger)value["tokenId"]!;
        if (tokenId.Sign < 0 || tokenId >= BigInteger.One << 256)
        {
            throw new BadInputException("tokenId must be a uint256.", "input.tokenId");
        }

        bool? Flag(string name) => value.TryGetValue(name, out var f) ? f as bool? : null;
        return new SetTokenFlags(
            (ChainId)value["chainId"]!, (Address)value["contract"]!, tokenId.ToString(CultureInfo.InvariantCulture),
            Flag("spam"), Flag("nsfw"), Flag("frozen"), (string)value["reason"]!, Guid.Empty);
    }
}

/// <summary>Which token's metadata to fetch again; the caller is filled in by the resolver.</summary>
internal sealed class RefreshTokenMetadataInputType : InputObjectGraphType<RefreshTokenMetadata>
{
    public RefreshTokenMetadataInputType()
    {
        Name = "RefreshTokenMetadataInput";
        Field<NonNullGraphType<ChainIdGraphType>>("chainId");
        Field<NonNullGraphType<AddressGraphType>>("contract");
        Field<NonNullGraphType<BigIntegerGraphType>>("tokenId");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var tokenId = (BigInteger)value["tokenId"]!;
        if (tokenId.Sign < 0 || tokenId >= BigInteger.One << 256)
        {
            throw new BadInputException("tokenId must be a uint256.", "input.tokenId");
        }

        return new RefreshTokenMetadata(Guid.Empty, (ChainId)value["chainId"]!, (Address)value["contract"]!, tokenId);
    }
}
