using FluentValidation.Results;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Errors;

namespace NftMarketplace.UnitTests.GraphQL;

public sealed class ErrorClassifierTests
{
    [Theory]
    [InlineData(ErrorCode.Unauthenticated)]
    [InlineData(ErrorCode.Forbidden)]
    [InlineData(ErrorCode.NotFound)]
    [InlineData(ErrorCode.Conflict)]
    [InlineData(ErrorCode.RateLimited)]
    public void An_app_exception_keeps_its_code_message_and_field(ErrorCode code)
    {
        var error = ErrorClassifier.Classify(Unhandled(new AppException(code, "Told you so.", "input.owner")));

        Assert.Equal(new ClientError(code, "Told you so.") { Field = "input.owner" }, error);
    }

    [Fact]
    public void An_app_exception_wrapped_deeper_is_still_found()
    {
        var error = ErrorClassifier.Classify(Unhandled(new InvalidOperationException("outer", new BadInputException("Bad owner."))));

        Assert.Equal((ErrorCode.BadUserInput, "Bad owner."), (error.Code, error.Message));
    }

    [Fact]
    public void Validation_failures_become_input_paths()
    {
        var validation = new RequestValidationException(
        [
            new ValidationFailure("AccountId", "An account is required."),
            new ValidationFailure("Items[0].TokenId", "Token ids are positive."),
        ]);
        validation.Data[MediatorResolvers.InputArgumentKey] = "input";

        var error = ErrorClassifier.Classify(Unhandled(validation));

        Assert.Equal(ErrorCode.BadUserInput, error.Code);
        Assert.Equal("input.accountId", error.Field);
        Assert.Equal(
            [new FieldProblem("input.accountId", "An account is required."), new FieldProblem("input.items[0].tokenId", "Token ids are positive.")],
            error.Fields);
    }

    [Fact]
    public void Anything_unexpected_is_internal_with_a_generic_message_but_keeps_the_exception_for_the_logs()
    {
        var cause = new NullReferenceException("Object reference not set (at SecretService.cs:42)");

        var error = ErrorClassifier.Classify(Unhandled(cause));

        Assert.Equal((ErrorCode.Internal, ErrorClassifier.InternalMessage), (error.Code, error.Message));
        Assert.Same(cause, error.Unexpected);
    }

    [Fact]
    public void Parse_and_validation_errors_are_bad_input_with_the_engine_code_kept_apart()
    {
        var error = ErrorClassifier.Classify(new ValidationError("Cannot query field 'x'.") { Code = "FIELDS_ON_CORRECT_TYPE", Number = "5.3.1" });

        Assert.Equal(
            new ClientError(ErrorCode.BadUserInput, "Cannot query field 'x'.") { GraphQLCode = "FIELDS_ON_CORRECT_TYPE", SpecSection = "5.3.1" },
            error);
    }

    [Fact]
    public void A_value_that_failed_to_coerce_gets_the_scalars_reason()
    {
        var error = ErrorClassifier.Classify(new ValidationError("Unable to convert 'x' to 'Address'.", new BadInputException("'x' is not an address.")));

        Assert.Equal("Unable to convert 'x' to 'Address': 'x' is not an address.", error.Message);
    }

    [Fact]
    public void Request_errors_and_timeouts_have_their_own_codes()
    {
        Assert.Equal(ErrorCode.RateLimited, ErrorClassifier.Classify(new GraphQLRequestError(ErrorCode.RateLimited, "slow down")).Code);
        Assert.Equal(
            new ClientError(ErrorCode.Internal, ErrorClassifier.TimeoutMessage),
            ErrorClassifier.Classify(new TimeoutError()));
    }

    [Theory]
    [InlineData("NOT_FOUND", ErrorCode.NotFound)]
    [InlineData("BAD_USER_INPUT", ErrorCode.BadUserInput)]
    [InlineData("INVALID_VALUE", ErrorCode.Internal)]
    [InlineData(null, ErrorCode.Internal)]
    public void A_deliberate_execution_error_counts_its_code_only_when_documented(string? code, ErrorCode expected)
    {
        var error = ErrorClassifier.Classify(new ExecutionError("Meant for you.") { Code = code });

        Assert.Equal((expected, "Meant for you."), (error.Code, error.Message));
    }

    [Fact]
    public void The_error_info_shows_details_only_when_asked()
    {
        var failure = Unhandled(new InvalidOperationException("db password is hunter2"));

        var production = new GraphQLErrorInfoProvider(exposeDetails: false, suggestNames: false).GetInfo(failure);
        var development = new GraphQLErrorInfoProvider(exposeDetails: true, suggestNames: true).GetInfo(failure);

        Assert.Equal(ErrorClassifier.InternalMessage, production.Message);
        Assert.Equal(new Dictionary<string, object?> { ["code"] = "INTERNAL" }, production.Extensions);
        Assert.Contains("hunter2", (string)development.Extensions!["details"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_kind_of_request_the_engine_cannot_run_is_bad_user_input()
    {
        ExecutionError[] refusals =
        [
            new ValidationError("x"),
            new SyntaxError(new GraphQLParser.Exceptions.GraphQLSyntaxErrorException("x", "{", 1)),
            new QueryMissingError(),
            new NoOperationError(),
            new InvalidOperationNameError("x"),
            new InvalidOperationError("x"),
        ];

        Assert.All(refusals, refusal => Assert.Equal(ErrorCode.BadUserInput, ErrorClassifier.Classify(refusal).Code));
    }

    // How the engine reports an exception thrown by a resolver.
    private static UnhandledError Unhandled(Exception exception) => new("Error trying to resolve field 'x'.", exception);
}
