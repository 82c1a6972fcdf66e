using System.Text;
using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.GraphQL;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Http;

namespace NftMarketplace.UnitTests.GraphQL;

/// <summary>
/// The gateway as the Host registers it, with <see cref="TestFields"/> as its one module, driven through the
/// HTTP endpoint in memory.
/// </summary>
internal sealed class GraphQLTestHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GraphQLTestHost(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static async Task<GraphQLTestHost> StartAsync(
        IDictionary<string, string?>? settings = null,
        string environment = "Production",
        Action<IHostApplicationBuilder>? configure = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings ?? new Dictionary<string, string?>());
        builder.Services.AddLogging();
        builder.Services.AddScoped<ISender, Mediator>();
        builder.Services.AddTransient(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        builder.Services.AddScoped<IRequestHandler<Greet, Greeting>, GreetHandler>();
        builder.Services.AddScoped<IValidator<Greet>, GreetValidator>();
        builder.AddGraphQLContributor<TestFields>();
        builder.AddGraphQLGateway();
        configure?.Invoke(builder);

        var services = builder.Services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }

        return new GraphQLTestHost(services);
    }

    public Task<TestResponse> PostAsync(
        string body, string? accept = null, string? contentType = "application/json") =>
        SendAsync(HttpMethods.Post, queryString: null, Encoding.UTF8.GetBytes(body), accept, contentType);

    public Task<TestResponse> PostQueryAsync(string query, object? variables = null, string? accept = null) =>
        PostAsync(JsonSerializer.Serialize(new { query, variables }), accept);

    public Task<TestResponse> GetAsync(string queryString, string? accept = null) =>
        SendAsync(HttpMethods.Get, queryString, body: null, accept, contentType: null);

    public async Task<TestResponse> SendAsync(
        string method, string? queryString, byte[]? body, string? accept, string? contentType, bool announceLength = true)
    {
        await using var scope = _services.CreateAsyncScope();
        var context = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        context.Request.Method = method;
        context.Request.Path = GraphQLGateway.Path;
        context.Request.QueryString = queryString is null ? QueryString.Empty : new QueryString(queryString);
        if (accept is not null)
        {
            context.Request.Headers.Accept = accept;
        }

        if (contentType is not null)
        {
            context.Request.ContentType = contentType;
        }

        if (body is not null)
        {
            // Read in small pieces, as from a socket, so size limits are met while the body still streams in.
            context.Request.Body = new TrickleStream(body);
            context.Request.ContentLength = announceLength ? body.Length : null;
        }

        var responseBody = new MemoryStream();
        context.Response.Body = responseBody;
        await scope.ServiceProvider.GetRequiredService<GraphQLHttpEndpoint>().HandleAsync(context);
        return new TestResponse(
            context.Response.StatusCode,
            context.Response.ContentType,
            context.Response.Headers,
            JsonDocument.Parse(responseBody.ToArray()).RootElement.Clone());
    }

    public async ValueTask DisposeAsync() => await _services.DisposeAsync();
}

internal sealed record TestResponse(int Status, string? ContentType, IHeaderDictionary Headers, JsonElement Body)
{
    public JsonElement Data => Body.GetProperty("data");

    public JsonElement FirstError => Body.GetProperty("errors")[0];

    public string? Code => FirstError.GetProperty("extensions").GetProperty("code").GetString();

    public bool HasData => Body.TryGetProperty("data", out _);
}

/// <summary>A request body that arrives a few hundred bytes per read.</summary>
internal sealed class TrickleStream(byte[] content) : MemoryStream(content, writable: false)
{
    private const int MaxChunk = 300;

    public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(count, MaxChunk));

    public override int Read(Span<byte> buffer) => base.Read(buffer[..Math.Min(buffer.Length, MaxChunk)]);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        base.ReadAsync(buffer, offset, Math.Min(count, MaxChunk), cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        base.ReadAsync(buffer[..Math.Min(buffer.Length, MaxChunk)], cancellationToken);
}
