namespace NftMarketplace.BuildingBlocks.Mediation;

/// <summary>A request with a response; handled by exactly one <see cref="IRequestHandler{TRequest,TResponse}"/>.</summary>
public interface IRequest<out TResponse>;

/// <summary>A request that changes state: it runs inside its module's unit of work.</summary>
public interface ICommand<out TResponse> : IRequest<TResponse>;

/// <summary>A request that only reads.</summary>
public interface IQuery<out TResponse> : IRequest<TResponse>;

/// <summary>The response of a command that returns nothing.</summary>
public readonly record struct Unit
{
    public static readonly Unit Value;
}

public interface IRequestHandler<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken);
}

public delegate Task<TResponse> RequestHandlerDelegate<TResponse>();

/// <summary>Wraps the handling of a request (validation, logging, unit of work, …).</summary>
public interface IPipelineBehavior<in TRequest, TResponse>
    where TRequest : IRequest<TResponse>
{
    Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken);
}

/// <summary>Sends a request through its pipeline to its handler.</summary>
public interface ISender
{
    Task<TResponse> Send<TResponse>(IRequest<TResponse> request, CancellationToken cancellationToken = default);
}
