using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.UnitTests.GraphQL;

/// <summary>Requests with headers of their own (Authorization, GraphQL-Preflight) against <see cref="GraphQLTestHost"/>.</summary>
internal static class GatewayRequests
{
    public const string GraphQLResponse = "application/graphql-response+json";

    /// <summary>Posts <paramref name="query"/> as the holder of <paramref name="bearerToken"/> (anonymously when null).</summary>
    public static Task<TestResponse> PostQueryAsAsync(
        this GraphQLTestHost host, string? bearerToken, string query, object? variables = null, string? operationName = null) =>
        host.PostWithHeadersAsync(
            Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { query, variables, operationName })),
            "application/json",
            bearerToken is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["Authorization"] = "Bearer " + bearerToken });

    public static async Task<TestResponse> PostWithHeadersAsync(
        this GraphQLTestHost host,
        byte[] body,
        string contentType,
        IReadOnlyDictionary<string, string> headers,
        string accept = GraphQLResponse,
        bool announceLength = true)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = HttpMethods.Post;
        context.Request.Path = GraphQLGateway.Path;
        context.Request.Headers.Accept = accept;
        context.Request.ContentType = contentType;
        foreach (var (name, value) in headers)
        {
            context.Request.Headers[name] = value;
        }

        context.Request.Body = new TrickleStream(body);
        context.Request.ContentLength = announceLength ? body.Length : null;
        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await scope.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context);
        return new TestResponse(
            context.Response.StatusCode,
            context.Response.ContentType,
            context.Response.Headers,
            JsonDocument.Parse(responseBody.ToArray()).RootElement.Clone());
    }
}
