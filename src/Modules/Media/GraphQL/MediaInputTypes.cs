using System.Globalization;
using GraphQL.Types;
using NftMarketplace.GraphQL.Uploads;
using NftMarketplace.Modules.Media.Persistence;

namespace NftMarketplace.Modules.Media.GraphQL;

internal sealed record UploadMediaInput(IReadOnlyList<FileUpload> Files);

internal sealed class UploadMediaInputType : InputObjectGraphType<UploadMediaInput>
{
    public UploadMediaInputType()
    {
        Name = "UploadMediaInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<UploadGraphType>>>>("files");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var files = value["files"] as IEnumerable<object?> ?? [];
        return new UploadMediaInput([.. files.OfType<FileUpload>()]);
    }
}

internal sealed record PinMetadataInput(string Json);

internal sealed class PinMetadataInputType : InputObjectGraphType<PinMetadataInput>
{
    public PinMetadataInputType()
    {
        Name = "PinMetadataInput";
        Description = "Token or collection metadata JSON, stored like media; the returned uri goes into tokenURI / contractURI.";
        Field<NonNullGraphType<StringGraphType>>("json");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new PinMetadataInput(Convert.ToString(value["json"], CultureInfo.InvariantCulture)!);
    }
}

internal sealed record SetMediaModerationInput(string Cid, ModerationStatus Status);

internal sealed class SetMediaModerationInputType : InputObjectGraphType<SetMediaModerationInput>
{
    public SetMediaModerationInputType()
    {
        Name = "SetMediaModerationInput";
        Field<NonNullGraphType<StringGraphType>>("cid");
        Field<NonNullGraphType<ModerationStatusType>>("status");
    }

    public override object ParseDictionary(IDictionary<string, object?> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return new SetMediaModerationInput(Convert.ToString(value["cid"], CultureInfo.InvariantCulture)!, (ModerationStatus)value["status"]!);
    }
}
