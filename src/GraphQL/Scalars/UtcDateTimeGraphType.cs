using System.Globalization;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Scalars;

/// <summary>
/// <c>DateTime</c>: an instant as ISO-8601 text. Input must state its offset (<c>Z</c> or <c>±hh:mm</c>), since a
/// local time without one names a different instant on every server; output is always UTC with <c>Z</c>.
/// Parsed values are <see cref="DateTimeOffset"/> at offset zero.
/// </summary>
public sealed class UtcDateTimeGraphType : StringScalarGraphType<DateTimeOffset>
{
    private const string OutputFormat = "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'";

    private static readonly string[] InputFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'",
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz",
    ];

    public UtcDateTimeGraphType()
    {
        Name = "DateTime";
        Description = "An instant in ISO-8601, e.g. 2024-05-01T12:00:00Z. Input needs Z or an offset; output is UTC.";
    }

    public override DateTimeOffset Parse(string text) =>
        DateTimeOffset.TryParseExact(text, InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed.ToUniversalTime()
            : throw new BadInputException(
                $"{InputEcho.Quote(text)} is not a DateTime: expected ISO-8601 with Z or an offset, e.g. 2024-05-01T12:00:00Z.");

    public override string Format(DateTimeOffset value) =>
        value.UtcDateTime.ToString(OutputFormat, CultureInfo.InvariantCulture);

    public override object? Serialize(object? value) => value is DateTime dateTime
        ? Format(ToInstant(dateTime))
        : base.Serialize(value);

    public override bool CanParseValue(object? value) => value is DateTime || base.CanParseValue(value);

    public override object? ParseValue(object? value) => value is DateTime dateTime
        ? ToInstant(dateTime)
        : base.ParseValue(value);

    /// <summary>
    /// Npgsql reads <c>timestamptz</c> as UTC; an unspecified kind is taken as UTC too, because that is how
    /// every module stores instants.
    /// </summary>
    private static DateTimeOffset ToInstant(DateTime value) => value.Kind switch
    {
        DateTimeKind.Local => new DateTimeOffset(value.ToUniversalTime(), TimeSpan.Zero),
        _ => new DateTimeOffset(DateTime.SpecifyKind(value, DateTimeKind.Utc), TimeSpan.Zero),
    };
}
