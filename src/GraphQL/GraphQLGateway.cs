using GraphQL;
using GraphQL.Execution;
using GraphQL.Validation.Rules.Custom;
using GraphQLParser.AST;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL.Configuration;
using NftMarketplace.GraphQL.Errors;
using NftMarketplace.GraphQL.Http;
using NftMarketplace.GraphQL.Limits;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Uploads;
using NftMarketplace.GraphQL.WebSockets;

namespace NftMarketplace.GraphQL;

/// <summary>The Host's GraphQL endpoint: one schema from every module, served over HTTP at <see cref="Path"/>.</summary>
public static class GraphQLGateway
{
    public const string Path = "/graphql";

    /// <summary>
    /// Registers the schema (modules add to it with <see cref="GraphQLContributorRegistration.AddGraphQLContributor{TContributor}"/>,
    /// before or after this call), the engine with its limits from the <c>GraphQL</c> section, and the rate limiter policy.
    /// </summary>
    public static IHostApplicationBuilder AddGraphQLGateway(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = builder.AddValidatedOptions<GraphQLOptions>(GraphQLOptions.Section, o => o.Validate());
        var isDevelopment = builder.Environment.IsDevelopment();
        var introspection = options.IntrospectionEnabled(isDevelopment);
        var services = builder.Services;

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IGraphQLContributor, ServerTimeContributor>());
        builder.AddAccessTokens();
        builder.AddUploads();
        services.AddRelay();
        GraphQLContributorRegistration.AddGraphTypes(services, typeof(GraphQLGateway).Assembly);

        services.AddGraphQL(graphql =>
        {
            graphql
                .AddSchema<GatewaySchema>()
                .AddSystemTextJson()
                .AddErrorInfoProvider(new GraphQLErrorInfoProvider(exposeDetails: isDevelopment, suggestNames: introspection))
                // Serial, like mutations: resolvers share the request's scoped mediator and DbContexts,
                // which must not be used by two resolvers at once.
                .AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query)
                // Each event of a subscription resolves in a fresh scope, serially, like a query.
                .AddScopedSubscriptionExecutionStrategy()
                .AddComplexityAnalyzer(complexity =>
                {
                    complexity.MaxDepth = options.MaxDepth;
                    complexity.MaxComplexity = options.MaxComplexity;
                })
                .ConfigureExecution(_ => new DocumentGate(options))
                .AddValidationRule(new MaxAliasesRule(options.MaxAliases))
                .AddValidationRule(FieldAuthorizationRule.Instance)
                .WithTimeout(options.ExecutionTimeout)
                .AddUnhandledExceptionHandler(UnexpectedErrorLogging.LogAsync);

            if (!introspection)
            {
                graphql.AddValidationRule(NoIntrospectionValidationRule.Instance);
            }
        });

        services.AddSingleton<GraphQLRequestParser>();
        services.AddSingleton<GraphQLResponseWriter>();
        services.AddSingleton<GraphQLHttpEndpoint>();
        services.AddHostedService<SchemaCheck>();
        builder.AddGraphQLSubscriptions();
        // One set of budgets for HTTP requests and WebSocket operations alike.
        services.AddSingleton(_ => new GraphQLRateLimiter(options.RateLimit));
        services.AddRateLimiter(limiter => limiter.AddPolicy<string, GraphQLRateLimitPolicy>(GraphQLRateLimitPolicy.Name));
        return builder;
    }

    /// <summary>
    /// The gateway's part of the request pipeline, in its order: bearer access tokens first, so the rate limiter after
    /// them counts signed-in callers by user id, then GraphQL over HTTP and WebSocket on <paramref name="pattern"/>.
    /// The Host and every server that stands in for it (tests, benchmarks) use this, so their pipelines cannot drift.
    /// </summary>
    public static WebApplication UseGraphQLGateway(this WebApplication app, string pattern = Path)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseAuthentication();
        app.UseRateLimiter();
        app.MapGraphQL(pattern);
        return app;
    }

    /// <summary>
    /// Maps GET and POST on <paramref name="pattern"/>. Needs <c>app.UseRateLimiter()</c> in the pipeline (after
    /// authentication, so signed-in users are counted by user id); <see cref="UseGraphQLGateway"/> does both.
    /// </summary>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = Path)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        return endpoints
            .MapMethods(pattern, [HttpMethods.Get, HttpMethods.Post], context =>
                context.RequestServices.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context))
            .RequireRateLimiting(GraphQLRateLimitPolicy.Name)
            .WithGraphQLWebSockets()
            .WithDisplayName("GraphQL");
    }
}
