using System.Globalization;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Subscriptions;

namespace NftMarketplace.UnitTests.GraphQL.Subscriptions;

/// <summary>
/// A module's worth of subscription fields: a topic's events, a finite stream, a burst faster than any client reads,
/// a stream that fails, and the caller's identity.
/// </summary>
public sealed class SubscriptionTestFields : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        roots.Subscription.Field<NonNullGraphType<TestEventType>, TestEvent>("testEvents")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .ResolveTopic(context => context.GetArgument<string>("topic"));

        roots.Subscription.Field<NonNullGraphType<IntGraphType>, int>("countdown")
            .Argument<NonNullGraphType<IntGraphType>>("from")
            .ResolveStream(context => new SyncObservable<int>(Enumerable.Range(1, context.GetArgument<int>("from")).Reverse()));

        roots.Subscription.Field<NonNullGraphType<IntGraphType>, int>("flood")
            .Argument<NonNullGraphType<IntGraphType>>("count")
            .ResolveStream(context => new SyncObservable<int>(Enumerable.Range(1, context.GetArgument<int>("count")), complete: false));

        roots.Subscription.Field<StringGraphType, string>("failing")
            .ResolveStream(_ => new SyncObservable<string>([], error: new InvalidOperationException("The event source broke.")));

        roots.Query.Field<StringGraphType>("whoAmI")
            .Resolve(context => context.User?.FindFirst(ClaimTypes.NameIdentifier)?.Value);
    }
}

public sealed record TestEvent(string Text, int Sequence);

public sealed class TestEventType : ObjectGraphType<TestEvent>
{
    public TestEventType()
    {
        Field(x => x.Text);
        Field(x => x.Sequence);
    }
}

/// <summary>Emits its items on subscription, then completes (or fails, or stays open).</summary>
internal sealed class SyncObservable<T>(IEnumerable<T> items, bool complete = true, Exception? error = null) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        foreach (var item in items)
        {
            observer.OnNext(item);
        }

        if (error is not null)
        {
            observer.OnError(error);
        }
        else if (complete)
        {
            observer.OnCompleted();
        }

        return new Unsubscriber();
    }

    private sealed class Unsubscriber : IDisposable
    {
        public void Dispose()
        {
        }
    }
}

/// <summary>
/// Tokens of the form <c>user:{id}:{session}</c> are valid (an optional <c>:expired</c> adds an <c>exp</c> in the
/// past, <c>:expiring</c> one two seconds ahead); anything else is refused.
/// </summary>
internal sealed class TestAccessTokens : IAccessTokenValidator
{
    public static string For(string userId, string sessionId) => $"user:{userId}:{sessionId}";

    public Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken)
    {
        var parts = token.Split(':');
        if (parts is not ["user", var userId, var sessionId, ..])
        {
            return Task.FromResult(AccessTokenValidation.Invalid("not a test token"));
        }

        List<Claim> claims = [new(ClaimTypes.NameIdentifier, userId), new(ClaimTypes.Sid, sessionId)];
        var expiry = parts switch
        {
            [.., "expired"] => DateTimeOffset.UtcNow.AddMinutes(-1),
            [.., "expiring"] => DateTimeOffset.UtcNow.AddSeconds(2),
            _ => (DateTimeOffset?)null,
        };
        if (expiry is { } exp)
        {
            claims.Add(new Claim("exp", exp.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
        }

        return Task.FromResult(AccessTokenValidation.Valid(new ClaimsPrincipal(new ClaimsIdentity(claims, "test"))));
    }
}
