using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL.Uploads;

/// <summary>GraphQL multipart requests over real HTTP (Kestrel): large files streamed through, limits answered clearly.</summary>
public sealed class UploadOverHttpTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private const string HashFile = "mutation($file: Upload!) { hashFile(input: {file: $file}) { fileName length sha256 inMemory } }";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_40_MB_file_streams_through_to_the_resolver_byte_for_byte()
    {
        // Beyond Kestrel's default 30 MB request limit, which multipart requests raise to their own.
        const long size = 40L * 1024 * 1024;
        await using var server = await StartAsync(new() { ["GraphQL:Uploads:MaxFileBytes"] = "50000000" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        using var content = new GeneratedStream(size, seed: 42);

        using var request = Multipart(HashFile, """{"0":["variables.file"]}""", ("0", "big.bin", content));
        using var response = await http.SendAsync(request, Ct);

        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(response.StatusCode == HttpStatusCode.OK, body.ToString());
        var file = body.GetProperty("data").GetProperty("hashFile");
        Assert.Equal("big.bin", file.GetProperty("fileName").GetString());
        Assert.Equal(size, file.GetProperty("length").GetInt64());
        Assert.Equal(content.Sha256(), file.GetProperty("sha256").GetString());
        Assert.False(file.GetProperty("inMemory").GetBoolean());
    }

    [Fact]
    public async Task A_file_over_the_limit_is_413_with_a_clear_error_while_it_is_still_being_sent()
    {
        await using var server = await StartAsync(new() { ["GraphQL:Uploads:MaxFileBytes"] = "1000000" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new GeneratedStream(8L * 1024 * 1024, seed: 7);

        var (status, error) = await SendAsync(http, Multipart(HashFile, """{"0":["variables.file"]}""", ("0", "big.bin", content)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Equal("BAD_USER_INPUT", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Contains("larger than 1000000 bytes", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_files_than_allowed_are_413_before_any_is_read()
    {
        await using var server = await StartAsync(new() { ["GraphQL:Uploads:MaxFiles"] = "1" });
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var first = new GeneratedStream(10, seed: 1);
        using var second = new GeneratedStream(10, seed: 2);

        var (status, error) = await SendAsync(http, Multipart(
            HashFile, """{"0":["variables.file"],"1":["variables.file"]}""", ("0", "a", first), ("1", "b", second)));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, status);
        Assert.Contains("at most 1 may be sent", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_multipart_request_without_a_preflight_header_is_400()
    {
        await using var server = await StartAsync();
        using var http = new HttpClient { BaseAddress = server.BaseAddress };
        using var content = new GeneratedStream(10, seed: 3);
        var request = Multipart(HashFile, """{"0":["variables.file"]}""", ("0", "a", content));
        request.Headers.Remove("GraphQL-Preflight");

        var (status, error) = await SendAsync(http, request);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("GraphQL-Preflight", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private Task<GatewayServer> StartAsync(Dictionary<string, string?>? settings = null) =>
        GatewayServer.StartAsync(Infrastructure, Environment, builder => builder.AddGraphQLContributor<HashingUploadFields>(), settings);

    private static async Task<(HttpStatusCode Status, JsonElement Error)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var sent = request;
        using var response = await http.SendAsync(request, Ct);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        return (response.StatusCode, body.GetProperty("errors")[0]);
    }

    private static HttpRequestMessage Multipart(string query, string map, params (string Name, string FileName, Stream Content)[] files)
    {
        var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query, variables = new { file = (object?)null } })), "operations" },
            { new StringContent(map), "map" },
        };
        foreach (var (name, fileName, content) in files)
        {
            var part = new StreamContent(content, 64 * 1024);
            part.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            form.Add(part, name, fileName);
        }

        var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = form };
        request.Headers.Add("GraphQL-Preflight", "1");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return request;
    }
}
