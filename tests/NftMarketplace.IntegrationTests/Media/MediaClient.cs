using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace NftMarketplace.IntegrationTests.Media;

/// <summary>What a frontend does with media: multipart uploads of several files, GraphQL reads, GETs of the bytes.</summary>
internal sealed class MediaClient(HttpClient http)
{
    public const string Upload = """
        mutation($files: [Upload!]!) { uploadMedia(input: {files: $files}) { assets {
          id cid uri url mime bytes sha256 width height phash moderation createdAt
          variants { url width height mime bytes } } } }
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async Task<(HttpStatusCode Status, JsonElement Body)> UploadAsync(string? accessToken, params (string FileName, byte[] Content)[] files)
    {
        var variables = new { files = files.Select(_ => (object?)null).ToArray() };
        var map = JsonSerializer.Serialize(Enumerable.Range(0, files.Length).ToDictionary(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture), i => new[] { $"variables.files.{i}" }));
        using var form = new MultipartFormDataContent
        {
            { new StringContent(JsonSerializer.Serialize(new { query = Upload, variables })), "operations" },
            { new StringContent(map), "map" },
        };
        for (var i = 0; i < files.Length; i++)
        {
            var part = new ByteArrayContent(files[i].Content);
            // The declared type is a lie on purpose in some tests: the server must not believe it.
            part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
            form.Add(part, i.ToString(System.Globalization.CultureInfo.InvariantCulture), files[i].FileName);
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = form };
        request.Headers.Add("GraphQL-Preflight", "1");
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await http.SendAsync(request, Ct);
        return (response.StatusCode, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    public async Task<JsonElement> PostAsync(string query, object? variables = null, string? accessToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "graphql") { Content = JsonContent.Create(new { query, variables }) };
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        using var response = await http.SendAsync(request, Ct);
        return await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
    }

    public async Task<HttpResponseMessage> GetAsync(string path, string? accessToken = null, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (accessToken is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        }

        configure?.Invoke(request);
        return await http.SendAsync(request, Ct);
    }

    public static string? ErrorCode(JsonElement body) =>
        body.TryGetProperty("errors", out var errors) ? errors[0].GetProperty("extensions").GetProperty("code").GetString() : null;
}
