using GraphQL.Types;
using GraphQLParser.AST;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Uploads;

/// <summary>
/// <c>Upload</c>: a file sent in a multipart request (GraphQL multipart request specification). It can only be given
/// through a variable whose value the request's <c>map</c> replaces with a file; resolvers receive a <see cref="FileUpload"/>.
/// </summary>
public sealed class UploadGraphType : ScalarGraphType
{
    public UploadGraphType()
    {
        Name = "Upload";
        Description = "A file sent as a part of a multipart/form-data request "
            + "(https://github.com/jaydenseric/graphql-multipart-request-spec). Only as a variable; input only.";
    }

    public override object? ParseLiteral(GraphQLValue value) => value is GraphQLNullValue
        ? null
        : throw new BadInputException("An Upload cannot be written in the query; pass it as a variable of a multipart request.");

    public override object? ParseValue(object? value) => value switch
    {
        null => null,
        FileUpload upload => upload,
        _ => throw new BadInputException("An Upload must be a file part of a multipart request, mapped onto the variable's null."),
    };

    // Anything is let through to the parse methods, whose exception says how to send a file instead.
    public override bool CanParseLiteral(GraphQLValue value) => true;

    public override bool CanParseValue(object? value) => true;

    public override object? Serialize(object? value) => value is null ? null : ThrowSerializationError(value);
}
