using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.GraphQL.Errors;

/// <summary>An error as the client sees it: one code of the documented set, a message safe to show, and where.</summary>
public sealed record ClientError(ErrorCode Code, string Message)
{
    /// <summary>Input path at fault, e.g. <c>input.accountId</c>.</summary>
    public string? Field { get; init; }

    /// <summary>Every input path at fault with its message, when validation found several.</summary>
    public IReadOnlyList<FieldProblem>? Fields { get; init; }

    /// <summary>The GraphQL engine's own code for a parse or validation error, e.g. <c>FIELDS_ON_CORRECT_TYPE</c>.</summary>
    public string? GraphQLCode { get; init; }

    /// <summary>Section of the GraphQL specification the failed validation rule comes from, e.g. <c>5.3.1</c>.</summary>
    public string? SpecSection { get; init; }

    /// <summary>How long to wait before trying again; the transport sends it as <c>Retry-After</c>.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The exception behind an <c>INTERNAL</c> error; only ever shown in Development.</summary>
    public Exception? Unexpected { get; init; }
}

public sealed record FieldProblem(string Field, string Message);
