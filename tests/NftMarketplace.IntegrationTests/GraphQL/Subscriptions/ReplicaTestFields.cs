using System.Globalization;
using System.Security.Claims;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Subscriptions;

namespace NftMarketplace.IntegrationTests.GraphQL.Subscriptions;

/// <summary>
/// What a module adds for a subscription, for tests only: a topic's events, a mutation that publishes one, a finite
/// stream and the caller's identity. Registered by the tests' own replicas, never by the Host.
/// </summary>
public sealed class ReplicaTestFields : IGraphQLContributor
{
    public void Contribute(GraphQLRoots roots)
    {
        roots.Subscription.Field<NonNullGraphType<ReplicaTestEventType>, ReplicaTestEvent>("testEvents")
            .Argument<NonNullGraphType<StringGraphType>>("topic")
            .ResolveTopic(context => context.GetArgument<string>("topic"));

        roots.Subscription.Field<NonNullGraphType<IntGraphType>, int>("countdown")
            .Argument<NonNullGraphType<IntGraphType>>("from")
            .ResolveStream(context => new CountdownObservable([.. Enumerable.Range(1, context.GetArgument<int>("from")).Reverse()]));

        roots.Mutation.Field<NonNullGraphType<BooleanGraphType>>("publishTestEvent")
            .Argument<NonNullGraphType<PublishTestEventInputType>>(GraphQLConventions.InputArgument)
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<PublishTestEventInput>();
                await context.RequestServices!.GetRequiredService<ISubscriptionPublisher>()
                    .PublishAsync(input.Topic, new ReplicaTestEvent(input.Text, input.Sequence), context.CancellationToken);
                return true;
            });

        roots.Query.Field<StringGraphType>("whoAmI")
            .Resolve(context => context.User?.FindFirst(ClaimTypes.NameIdentifier)?.Value);
    }

    private sealed class CountdownObservable(IReadOnlyList<int> values) : IObservable<int>, IDisposable
    {
        public IDisposable Subscribe(IObserver<int> observer)
        {
            foreach (var value in values)
            {
                observer.OnNext(value);
            }

            observer.OnCompleted();
            return this;
        }

        public void Dispose()
        {
        }
    }
}

public sealed record ReplicaTestEvent(string Text, int Sequence);

public sealed record PublishTestEventInput(string Topic, string Text, int Sequence);

public sealed class ReplicaTestEventType : ObjectGraphType<ReplicaTestEvent>
{
    public ReplicaTestEventType()
    {
        Name = "TestEvent";
        Field(x => x.Text);
        Field(x => x.Sequence);
    }
}

public sealed class PublishTestEventInputType : InputObjectGraphType<PublishTestEventInput>
{
    public PublishTestEventInputType()
    {
        Name = "PublishTestEventInput";
        Field(x => x.Topic);
        Field(x => x.Text);
        Field(x => x.Sequence);
    }
}

/// <summary>Accepts <c>user:{id}:{session}</c>, refuses anything else.</summary>
internal sealed class ReplicaTestTokens : IAccessTokenValidator
{
    public static string For(string userId, string sessionId) => string.Create(CultureInfo.InvariantCulture, $"user:{userId}:{sessionId}");

    public Task<AccessTokenValidation> ValidateAsync(string token, CancellationToken cancellationToken) =>
        Task.FromResult(token.Split(':') is ["user", var userId, var sessionId]
            ? AccessTokenValidation.Valid(new ClaimsPrincipal(new ClaimsIdentity(
                [new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Sid, sessionId)], "test")))
            : AccessTokenValidation.Invalid("not a test token"));
}
