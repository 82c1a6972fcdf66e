using GraphQL;
using GraphQL.Builders;
using Microsoft.Extensions.DependencyInjection;

namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>How a module's subscription field streams the events of a topic.</summary>
public static class SubscriptionFields
{
    /// <summary>
    /// Streams the events published on the topic named from the field's arguments, e.g.
    /// <c>.ResolveTopic(context =&gt; $"intent:{context.GetArgument&lt;Guid&gt;("intentId")}")</c>.
    /// Each event is the source the field's selection is resolved from.
    /// </summary>
    public static FieldBuilder<TSource, TEvent> ResolveTopic<TSource, TEvent>(
        this FieldBuilder<TSource, TEvent> field, Func<IResolveFieldContext<TSource>, string> topic)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(topic);
        return field.ResolveStream(context => Broker(context).Subscribe<TEvent>(topic(context))!);
    }

    /// <summary>
    /// As <see cref="ResolveTopic{TSource, TEvent}"/>, for a topic that needs a look-up first, typically whether the
    /// caller may watch it: throw an <c>AppException</c> (e.g. <c>FORBIDDEN</c>) to refuse the subscription.
    /// </summary>
    public static FieldBuilder<TSource, TEvent> ResolveTopicAsync<TSource, TEvent>(
        this FieldBuilder<TSource, TEvent> field, Func<IResolveFieldContext<TSource>, Task<string>> topic)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(topic);
        return field.ResolveStreamAsync(async context => Broker(context).Subscribe<TEvent>(await topic(context).ConfigureAwait(false))!);
    }

    private static ISubscriptionBroker Broker(IResolveFieldContext context) =>
        (context.RequestServices ?? throw new InvalidOperationException("The GraphQL request has no service provider to resolve the subscription broker from."))
            .GetRequiredService<ISubscriptionBroker>();
}
