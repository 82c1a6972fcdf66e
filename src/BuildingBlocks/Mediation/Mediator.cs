using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace NftMarketplace.BuildingBlocks.Mediation;

/// <summary>
/// A small in-process mediator with MediatR's shape (request, handler, pipeline behaviours).
/// MediatR itself cannot be restored from the package sources this project builds with, and
/// the part we need is small enough to own.
/// </summary>
internal sealed class Mediator(IServiceProvider services) : ISender
{
    // One closed dispatcher per request type, so a send costs no reflection after the first.
    private static readonly ConcurrentDictionary<Type, RequestDispatcher> Dispatchers = new();

    public Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dispatcher = Dispatchers.GetOrAdd(
            request.GetType(),
            static type => (RequestDispatcher)Activator.CreateInstance(
                typeof(RequestDispatcher<,>).MakeGenericType(type, typeof(TResponse)))!);
        return ((RequestDispatcher<TResponse>)dispatcher).Dispatch(request, services, cancellationToken);
    }
}

internal abstract class RequestDispatcher;

internal abstract class RequestDispatcher<TResponse> : RequestDispatcher
{
    public abstract Task<TResponse> Dispatch(IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken);
}

internal sealed class RequestDispatcher<TRequest, TResponse> : RequestDispatcher<TResponse>
    where TRequest : IRequest<TResponse>
{
    public override Task<TResponse> Dispatch(IRequest<TResponse> request, IServiceProvider services, CancellationToken cancellationToken)
    {
        var typed = (TRequest)request;
        var handler = services.GetService<IRequestHandler<TRequest, TResponse>>()
            ?? throw new InvalidOperationException($"No handler is registered for {typeof(TRequest).Name}.");

        RequestHandlerDelegate<TResponse> next = () => handler.Handle(typed, cancellationToken);

        // Registration order is outermost first, so wrap from the innermost outwards.
        var behaviors = services.GetServices<IPipelineBehavior<TRequest, TResponse>>().ToArray();
        for (var i = behaviors.Length - 1; i >= 0; i--)
        {
            var behavior = behaviors[i];
            var inner = next;
            next = () => behavior.Handle(typed, inner, cancellationToken);
        }

        return next();
    }
}
