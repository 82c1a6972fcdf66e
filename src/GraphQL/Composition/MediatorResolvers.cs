using GraphQL;
using GraphQL.Builders;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.GraphQL.Composition;

/// <summary>Resolvers that hand the work to a module's request handler through the mediator.</summary>
public static class MediatorResolvers
{
    /// <summary>Key under which a failed send records the argument its request was read from.</summary>
    internal const string InputArgumentKey = "NftMarketplace.GraphQL.InputArgument";

    /// <summary>
    /// Resolves the field by sending the request built from the field's arguments, e.g.
    /// <c>.ResolveSend(context =&gt; context.GetInput&lt;SignInSiwe&gt;())</c>.
    /// </summary>
    public static FieldBuilder<TSource, object> ResolveSend<TSource, TResponse>(
        this FieldBuilder<TSource, object> field, Func<IResolveFieldContext<TSource>, IRequest<TResponse>> request)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(request);
        return field.ResolveAsync(async context => await context.SendAsync(request(context)).ConfigureAwait(false));
    }

    /// <summary>
    /// Sends <paramref name="request"/> through the request-scoped mediator (so handlers share the request's
    /// DbContexts and units of work), cancelled with the operation.
    /// </summary>
    public static async Task<TResponse> SendAsync<TResponse>(this IResolveFieldContext context, IRequest<TResponse> request)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.RequestServices
            ?? throw new InvalidOperationException("The GraphQL request has no service provider to resolve the mediator from.");
        try
        {
            return await services.GetRequiredService<ISender>().Send(request, context.CancellationToken).ConfigureAwait(false);
        }
        catch (RequestValidationException ex) when (context.FieldDefinition.Arguments?.Find(GraphQLConventions.InputArgument) is not null)
        {
            // Validators name the request's C# properties; the client knows them as fields of the input argument.
            ex.Data[InputArgumentKey] = GraphQLConventions.InputArgument;
            throw;
        }
    }

    /// <summary>The mutation's <c>input</c> argument as <typeparamref name="T"/>.</summary>
    public static T GetInput<T>(this IResolveFieldContext context) =>
        context.GetArgument<T>(GraphQLConventions.InputArgument)
        ?? throw new InvalidOperationException($"Field '{context.FieldDefinition.Name}' has no '{GraphQLConventions.InputArgument}' argument.");
}
