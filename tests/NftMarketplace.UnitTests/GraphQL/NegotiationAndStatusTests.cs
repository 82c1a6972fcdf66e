using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using Microsoft.Extensions.Primitives;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Errors;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.UnitTests.GraphQL;

public sealed class NegotiationAndStatusTests
{
    [Theory]
    [InlineData(null, ResponseMediaType.Json)]
    [InlineData("", ResponseMediaType.Json)]
    [InlineData("*/*", ResponseMediaType.Json)]
    [InlineData("application/*", ResponseMediaType.Json)]
    [InlineData("application/json", ResponseMediaType.Json)]
    [InlineData("application/json; charset=utf-8", ResponseMediaType.Json)]
    [InlineData("application/graphql-response+json", ResponseMediaType.GraphQLResponseJson)]
    [InlineData("APPLICATION/GRAPHQL-RESPONSE+JSON", ResponseMediaType.GraphQLResponseJson)]
    [InlineData("application/graphql-response+json, application/json;q=0.9", ResponseMediaType.GraphQLResponseJson)]
    [InlineData("application/json, application/graphql-response+json;q=0.5", ResponseMediaType.Json)]
    [InlineData("application/json, application/graphql-response+json", ResponseMediaType.GraphQLResponseJson)]
    [InlineData("application/json;q=0, */*", ResponseMediaType.GraphQLResponseJson)]
    [InlineData("text/html, */*;q=0.1", ResponseMediaType.Json)]
    [InlineData("text/html", null)]
    [InlineData("application/json;q=0", null)]
    [InlineData("application/xml, image/*", null)]
    public void Accept_picks_the_response_media_type(string? accept, ResponseMediaType? expected) =>
        Assert.Equal(expected, AcceptNegotiation.Negotiate(new StringValues(accept)));

    [Fact]
    public void Several_Accept_headers_are_read_as_one_list() =>
        Assert.Equal(
            ResponseMediaType.GraphQLResponseJson,
            AcceptNegotiation.Negotiate(new StringValues(["text/html", "application/graphql-response+json"])));

    [Fact]
    public void A_JSON_response_is_always_200()
    {
        Assert.Equal(200, ResponseStatus.For(ResponseMediaType.Json, NotExecuted(new ExecutionError("x"))));
        Assert.Equal(200, ResponseStatus.For(ResponseMediaType.Json, NotExecuted(new GraphQLRequestError(ErrorCode.Forbidden, "no"))));
    }

    [Fact]
    public void A_graphql_response_with_data_is_200_even_with_errors()
    {
        var result = new ExecutionResult { Executed = true, Errors = [new ExecutionError("field failed")] };

        Assert.Equal(200, ResponseStatus.For(ResponseMediaType.GraphQLResponseJson, result));
    }

    [Theory]
    [InlineData(ErrorCode.BadUserInput, 400)]
    [InlineData(ErrorCode.Unauthenticated, 401)]
    [InlineData(ErrorCode.Forbidden, 403)]
    [InlineData(ErrorCode.NotFound, 404)]
    [InlineData(ErrorCode.Conflict, 409)]
    [InlineData(ErrorCode.RateLimited, 429)]
    [InlineData(ErrorCode.Internal, 500)]
    public void A_graphql_response_without_data_takes_its_status_from_the_first_error(ErrorCode code, int status) =>
        Assert.Equal(status, ResponseStatus.For(ResponseMediaType.GraphQLResponseJson, NotExecuted(new GraphQLRequestError(code, "x"))));

    [Fact]
    public void Timeouts_and_unexpected_failures_without_data_are_5xx()
    {
        Assert.Equal(504, ResponseStatus.For(ResponseMediaType.GraphQLResponseJson, NotExecuted(new TimeoutError())));
        Assert.Equal(500, ResponseStatus.For(ResponseMediaType.GraphQLResponseJson, NotExecuted(new UnhandledError("x", new InvalidOperationException()))));
    }

    [Fact]
    public void Validation_failures_without_data_are_400() =>
        Assert.Equal(400, ResponseStatus.For(ResponseMediaType.GraphQLResponseJson, NotExecuted(new ValidationError("bad"))));

    private static ExecutionResult NotExecuted(ExecutionError error) => new(error);
}
