using GraphQL.Validation;

namespace NftMarketplace.GraphQL.Limits;

/// <summary>A document refused before validation because validating it would cost too much (see <see cref="DocumentGate"/>).</summary>
public sealed class DocumentTooLargeError : ValidationError
{
    internal DocumentTooLargeError(string message)
        : base(message) =>
        Code = "DOCUMENT_TOO_LARGE";
}
