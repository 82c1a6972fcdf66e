using FluentValidation;
using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.BuildingBlocks.Mediation;

/// <summary>
/// Runs every FluentValidation validator of the request before its handler; the first failure
/// becomes a <see cref="RequestValidationException"/> (<c>BAD_USER_INPUT</c> with the field path).
/// </summary>
internal sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        List<FluentValidation.Results.ValidationFailure>? failures = null;
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(request, cancellationToken).ConfigureAwait(false);
            if (!result.IsValid)
            {
                (failures ??= []).AddRange(result.Errors);
            }
        }

        if (failures is { Count: > 0 })
        {
            throw new RequestValidationException(failures);
        }

        return await next().ConfigureAwait(false);
    }
}

/// <summary>Bad input found by validation: names every offending field.</summary>
public sealed class RequestValidationException(IReadOnlyList<FluentValidation.Results.ValidationFailure> failures)
    : BadInputException(failures[0].ErrorMessage, failures[0].PropertyName)
{
    public IReadOnlyList<(string Field, string Message)> Failures { get; } =
        [.. failures.Select(f => (f.PropertyName, f.ErrorMessage))];
}
