using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.GraphQL.Errors;

/// <summary>
/// Maps whatever went wrong to exactly one code of <see cref="ErrorCode"/> and a message that is safe to show:
/// the client's own mistakes keep their explanation, anything unexpected becomes a generic <c>INTERNAL</c>.
/// </summary>
public static class ErrorClassifier
{
    public const string InternalMessage = "An internal error occurred. It has been logged; please try again later.";

    public const string TimeoutMessage = "The operation did not finish within its time limit.";

    public static ClientError Classify(ExecutionError error)
    {
        ArgumentNullException.ThrowIfNull(error);
        return error switch
        {
            GraphQLRequestError request => new ClientError(request.ErrorCode, request.Message) { RetryAfter = request.RetryAfter },
            TimeoutError => new ClientError(ErrorCode.Internal, TimeoutMessage),
            AccessDeniedError denied => new ClientError(denied.ErrorCode, denied.Message),
            // Parse and validation failures, including variables that do not coerce, and requests the engine
            // cannot start (no query, unknown operation name): the request is at fault.
            DocumentError or RequestError => new ClientError(ErrorCode.BadUserInput, WithReason(error))
            {
                GraphQLCode = error.Code,
                SpecSection = (error as ValidationError)?.Number,
            },
            _ when FindAppException(error) is { } app => FromAppException(app),
            { InnerException: null } deliberate => FromDeliberateError(deliberate),
            _ => new ClientError(ErrorCode.Internal, InternalMessage) { Unexpected = error.InnerException },
        };
    }

    /// <summary>
    /// The engine reports a value that failed to coerce as "unable to convert"; the scalar's own exception
    /// says why (bad checksum, missing offset, …), so it is added.
    /// </summary>
    private static string WithReason(ExecutionError error) =>
        FindAppException(error) is { } reason ? $"{error.Message.TrimEnd('.')}: {reason.Message}" : error.Message;

    private static AppException? FindAppException(Exception error)
    {
        for (var current = error.InnerException; current is not null; current = current.InnerException)
        {
            if (current is AppException app)
            {
                return app;
            }
        }

        return null;
    }

    private static ClientError FromAppException(AppException app)
    {
        if (app is not RequestValidationException validation)
        {
            return new ClientError(app.Code, app.Message) { Field = app.Field, RetryAfter = app.RetryAfter };
        }

        var argument = validation.Data[MediatorResolvers.InputArgumentKey] as string;
        var fields = validation.Failures
            .Select(f => new FieldProblem(InputPath.FromPropertyPath(f.Field, argument), f.Message))
            .ToList();
        return new ClientError(app.Code, app.Message) { Field = fields[0].Field, Fields = fields };
    }

    /// <summary>
    /// An <see cref="ExecutionError"/> thrown on purpose carries a message meant for the client; its code
    /// counts only when it is one of ours.
    /// </summary>
    private static ClientError FromDeliberateError(ExecutionError error) =>
        new(TryParseWire(error.Code) ?? ErrorCode.Internal, error.Message);

    /// <summary>The code whose wire form is <paramref name="code"/>, or null when it is not one of ours.</summary>
    public static ErrorCode? TryParseWire(string? code)
    {
        foreach (var candidate in Enum.GetValues<ErrorCode>())
        {
            if (candidate.ToWire() == code)
            {
                return candidate;
            }
        }

        return null;
    }
}
