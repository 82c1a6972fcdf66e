using System.Security.Cryptography;
using System.Text;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.UnitTests.GraphQL.Uploads;

/// <summary>The GraphQL multipart request specification on the HTTP endpoint: files as variables, limits, refusals.</summary>
public sealed class MultipartRequestTests
{
    private const string UploadFile = """{"query":"mutation($file: Upload!) { uploadFile(input: {file: $file}) { fileName contentType length sha256 inMemory } }","variables":{"file":null}}""";
    private const string FileMap = """{"0":["variables.file"]}""";

    private static readonly Dictionary<string, string> Preflight = new() { ["GraphQL-Preflight"] = "1" };

    [Fact]
    public async Task A_file_reaches_the_resolver_as_the_Upload_variable()
    {
        await using var host = await StartAsync();
        var content = RandomNumberGenerator.GetBytes(1000);

        var response = await SendAsync(host, new MultipartBody().Field("operations", UploadFile).Field("map", FileMap).File("0", "cat.png", content, "image/png"));

        Assert.Equal(200, response.Status);
        var file = response.Data.GetProperty("uploadFile");
        Assert.Equal("cat.png", file.GetProperty("fileName").GetString());
        Assert.Equal("image/png", file.GetProperty("contentType").GetString());
        Assert.Equal("1000", file.GetProperty("length").GetString());
        Assert.Equal(Sha256(content), file.GetProperty("sha256").GetString());
        Assert.True(file.GetProperty("inMemory").GetBoolean());
    }

    [Fact]
    public async Task A_large_file_is_spooled_to_a_temporary_file_deleted_after_the_request()
    {
        await using var host = await StartAsync();
        var content = RandomNumberGenerator.GetBytes(300_000);
        var spooledBefore = UploadFields.SpoolFiles.ToHashSet();

        var response = await SendAsync(host, new MultipartBody().Field("operations", UploadFile).Field("map", FileMap).File("0", "big.bin", content));

        var file = response.Data.GetProperty("uploadFile");
        Assert.Equal(Sha256(content), file.GetProperty("sha256").GetString());
        Assert.False(file.GetProperty("inMemory").GetBoolean());
        var spooled = Assert.Single(UploadFields.SpoolFiles, path => !spooledBefore.Contains(path));
        Assert.False(File.Exists(spooled));
    }

    [Fact]
    public async Task Several_files_fill_a_list_variable_in_order()
    {
        await using var host = await StartAsync();
        var (first, second) = (Encoding.UTF8.GetBytes("first"), Encoding.UTF8.GetBytes("second"));
        const string operations = """{"query":"mutation($files: [Upload!]!) { uploadFiles(input: {files: $files}) { fileName sha256 } }","variables":{"files":[null,null]}}""";

        var response = await SendAsync(host, new MultipartBody()
            .Field("operations", operations)
            .Field("map", """{"b":["variables.files.1"],"a":["variables.files.0"]}""")
            .File("a", "a.txt", first, "text/plain")
            .File("b", "b.txt", second, "text/plain"));

        var files = response.Data.GetProperty("uploadFiles");
        Assert.Equal("a.txt", files[0].GetProperty("fileName").GetString());
        Assert.Equal(Sha256(second), files[1].GetProperty("sha256").GetString());
    }

    [Fact]
    public async Task A_file_nested_in_an_input_object_variable_is_placed_by_its_path()
    {
        await using var host = await StartAsync();
        const string operations = """{"query":"mutation($input: UploadFileInput!) { uploadFile(input: $input) { fileName } }","variables":{"input":{"file":null,"note":"hi"}}}""";

        var response = await SendAsync(host, new MultipartBody()
            .Field("operations", operations).Field("map", """{"f":["variables.input.file"]}""").File("f", "nested.txt", [1, 2, 3]));

        Assert.Equal("nested.txt", response.Data.GetProperty("uploadFile").GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task Without_a_preflight_header_a_multipart_request_is_refused_as_a_possible_CSRF()
    {
        await using var host = await StartAsync();
        var body = new MultipartBody().Field("operations", UploadFile).Field("map", FileMap).File("0", "a.txt", [1]).ToArray();

        var refused = await host.PostWithHeadersAsync(body, MultipartBody.ContentType, new Dictionary<string, string>());
        var apollo = await host.PostWithHeadersAsync(body, MultipartBody.ContentType, new Dictionary<string, string> { ["Apollo-Require-Preflight"] = "true" });

        Assert.Equal((400, "BAD_USER_INPUT"), (refused.Status, refused.Code));
        Assert.Contains("GraphQL-Preflight", refused.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(200, apollo.Status);
    }

    public static TheoryData<string, string> MalformedRequests => new()
    {
        { "map first", "map" },
        { "map names a path outside variables", "must start with 'variables.'" },
        { "map names a path that is not null", "must point at a null" },
        { "map names a path that does not exist", "names nothing" },
        { "map is not an object", "'map' must be a JSON object" },
        { "a part not in map", "is not named in 'map'" },
        { "a file named in map is missing", "named in 'map' but was not sent" },
        { "a file part without a filename", "is not a file" },
        { "batched operations", "Batched requests" },
        { "operations is not JSON", "not valid JSON" },
        { "operations escapes a lone surrogate", "surrogate" },
        { "the body ends early", "ended before its closing boundary" },
    };

    [Theory]
    [MemberData(nameof(MalformedRequests))]
    public async Task A_malformed_multipart_request_is_400_BAD_USER_INPUT_saying_why(string malformation, string reason)
    {
        await using var host = await StartAsync();
        var body = malformation switch
        {
            "map first" => new MultipartBody().Field("map", FileMap).Field("operations", UploadFile).ToArray(),
            "map names a path outside variables" => Body(UploadFile, """{"0":["query"]}"""),
            "map names a path that is not null" => Body(UploadFile.Replace("\"file\":null", "\"file\":\"x\"", StringComparison.Ordinal), FileMap),
            "map names a path that does not exist" => Body(UploadFile, """{"0":["variables.other"]}"""),
            "map is not an object" => Body(UploadFile, """[["variables.file"]]"""),
            "a part not in map" => new MultipartBody().Field("operations", UploadFile).Field("map", FileMap).File("0", "a", [1]).File("9", "b", [2]).ToArray(),
            "a file named in map is missing" => new MultipartBody().Field("operations", UploadFile).Field("map", FileMap).ToArray(),
            "a file part without a filename" => new MultipartBody().Field("operations", UploadFile).Field("map", FileMap).Field("0", "text").ToArray(),
            "batched operations" => Body($"[{UploadFile}]", """{"0":["0.variables.file"]}"""),
            "operations is not JSON" => Body("{nope", FileMap),
            "operations escapes a lone surrogate" => Body(UploadFile.Replace("{\"query\"", "{\"operationName\":\"\\ud800\",\"query\"", StringComparison.Ordinal), FileMap),
            _ => Body(UploadFile, FileMap)[..^40],
        };

        var response = await host.PostWithHeadersAsync(body, MultipartBody.ContentType, Preflight);

        Assert.Equal((400, "BAD_USER_INPUT"), (response.Status, response.Code));
        Assert.Contains(reason, response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_files_than_allowed_are_413()
    {
        await using var host = await StartAsync(new() { ["GraphQL:Uploads:MaxFiles"] = "1" });
        const string operations = """{"query":"mutation($files: [Upload!]!) { uploadFiles(input: {files: $files}) { fileName } }","variables":{"files":[null,null]}}""";

        var response = await SendAsync(host, new MultipartBody()
            .Field("operations", operations).Field("map", """{"a":["variables.files.0"],"b":["variables.files.1"]}""").File("a", "a", [1]).File("b", "b", [2]));

        Assert.Equal((413, "BAD_USER_INPUT"), (response.Status, response.Code));
        Assert.Contains("at most 1 may be sent", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_larger_than_allowed_is_413_naming_the_part()
    {
        await using var host = await StartAsync(new() { ["GraphQL:Uploads:MaxFileBytes"] = "100000" });

        var response = await SendAsync(host, new MultipartBody().Field("operations", UploadFile).Field("map", FileMap).File("0", "big", new byte[100_001]));

        Assert.Equal((413, "BAD_USER_INPUT"), (response.Status, response.Code));
        Assert.Contains("File part '0' is larger than 100000 bytes", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_body_larger_than_allowed_is_413_whether_or_not_its_length_is_announced(bool announceLength)
    {
        await using var host = await StartAsync(new() { ["GraphQL:Uploads:MaxFileBytes"] = "50000", ["GraphQL:Uploads:MaxRequestBytes"] = "60000" });
        const string operations = """{"query":"mutation($files: [Upload!]!) { uploadFiles(input: {files: $files}) { fileName } }","variables":{"files":[null,null]}}""";
        var body = new MultipartBody()
            .Field("operations", operations).Field("map", """{"a":["variables.files.0"],"b":["variables.files.1"]}""")
            .File("a", "a", new byte[40_000]).File("b", "b", new byte[40_000]).ToArray();

        var response = await host.PostWithHeadersAsync(body, MultipartBody.ContentType, Preflight, announceLength: announceLength);

        Assert.Equal((413, "BAD_USER_INPUT"), (response.Status, response.Code));
        Assert.Contains("larger than 60000 bytes", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_Upload_variable_given_as_JSON_text_is_BAD_USER_INPUT()
    {
        await using var host = await StartAsync();

        var response = await host.PostQueryAsAsync(null, "mutation($file: Upload!) { uploadFile(input: {file: $file}) { fileName } }", new { file = "a.txt" });

        Assert.Equal((400, "BAD_USER_INPUT"), (response.Status, response.Code));
        Assert.Contains("multipart request", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_limits_are_checked_at_start_up()
    {
        var error = await Assert.ThrowsAsync<InvalidConfigurationException>(() =>
            StartAsync(new() { ["GraphQL:Uploads:MaxFileBytes"] = "2000", ["GraphQL:Uploads:MaxRequestBytes"] = "1000" }));

        Assert.Contains("GraphQL:Uploads:MaxRequestBytes must be between", error.Message, StringComparison.Ordinal);
    }

    private static Task<GraphQLTestHost> StartAsync(Dictionary<string, string?>? settings = null) =>
        GraphQLTestHost.StartAsync(settings, configure: builder => builder.AddGraphQLContributor<UploadFields>());

    private static Task<TestResponse> SendAsync(GraphQLTestHost host, MultipartBody body) =>
        host.PostWithHeadersAsync(body.ToArray(), MultipartBody.ContentType, Preflight);

    private static byte[] Body(string operations, string map) =>
        new MultipartBody().Field("operations", operations).Field("map", map).File("0", "a.txt", [1, 2, 3]).ToArray();

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
