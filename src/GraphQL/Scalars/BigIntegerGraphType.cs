using System.Globalization;
using System.Numerics;
using GraphQLParser.AST;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Scalars;

/// <summary>
/// <c>BigInt</c>: an integer of any sign as a decimal string (token ids, wei amounts), because JSON numbers lose
/// precision past 2^53 in most clients. Integer literals and JSON integers are accepted as input too.
/// </summary>
public sealed class BigIntegerGraphType : StringScalarGraphType<BigInteger>
{
    /// <summary>Digits of the largest uint256, the widest integer on chain; longer input is refused before parsing.</summary>
    public const int MaxDigits = 78;

    public BigIntegerGraphType()
    {
        Name = "BigInt";
        Description = "An integer as a decimal string, e.g. \"115792089237316195423570985008687907853269984665640564039457584007913129639935\".";
    }

    public override BigInteger Parse(string text) =>
        IsCanonical(text) && BigInteger.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new BadInputException(
                $"{InputEcho.Quote(text)} is not a BigInt: expected a decimal integer of at most {MaxDigits} digits "
                + "with an optional leading minus and no leading zeros, e.g. \"42\".");

    public override string Format(BigInteger value) => value.ToString(CultureInfo.InvariantCulture);

    public override object? ParseLiteral(GraphQLValue value) => value is GraphQLIntValue integer
        ? Parse(integer.Value.ToString())
        : base.ParseLiteral(value);

    public override bool CanParseLiteral(GraphQLValue value) => value is GraphQLIntValue || base.CanParseLiteral(value);

    public override bool CanParseValue(object? value) => value is int or long or ulong or BigInteger || base.CanParseValue(value);

    public override object? ParseValue(object? value) => value switch
    {
        int number => new BigInteger(number),
        long number => new BigInteger(number),
        ulong number => new BigInteger(number),
        BigInteger number => number,
        _ => base.ParseValue(value),
    };

    public override object? Serialize(object? value) => value switch
    {
        int number => Format(number),
        long number => Format(number),
        ulong number => Format(number),
        decimal number when decimal.IsInteger(number) => Format(new BigInteger(number)),
        _ => base.Serialize(value),
    };

    /// <summary>One spelling per number: no '+', no leading zeros, no "-0", no whitespace.</summary>
    private static bool IsCanonical(string text)
    {
        var digits = text.AsSpan(text.StartsWith('-') ? 1 : 0);
        return digits.Length is > 0 and <= MaxDigits
            && !digits.ContainsAnyExceptInRange('0', '9')
            && (digits[0] != '0' || (digits.Length == 1 && digits.Length == text.Length));
    }
}
