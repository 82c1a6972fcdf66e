using System.Text;
using Microsoft.AspNetCore.Http;

namespace NftMarketplace.UnitTests.GraphQL;

/// <summary>GraphQL over HTTP: methods, media types, status codes and malformed requests.</summary>
public sealed class HttpTransportTests
{
    private const string Json = "application/json; charset=utf-8";
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Query = """{"query":"{ __typename }"}""";

    [Theory]
    [InlineData(null, Json)]
    [InlineData("*/*", Json)]
    [InlineData("application/*", Json)]
    [InlineData("application/json", Json)]
    [InlineData(GraphQLResponse, GraphQLResponse + "; charset=utf-8")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", GraphQLResponse + "; charset=utf-8")]
    [InlineData("application/json, application/graphql-response+json", GraphQLResponse + "; charset=utf-8")]
    [InlineData("text/html, application/json;q=0.5", Json)]
    public async Task The_response_media_type_follows_Accept(string? accept, string contentType)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostAsync(Query, accept);

        Assert.Equal(200, response.Status);
        Assert.Equal(contentType, response.ContentType);
        Assert.Equal("Query", response.Data.GetProperty("__typename").GetString());
        Assert.Equal("Accept", response.Headers.Vary.ToString());
    }

    [Theory]
    [InlineData("text/html")]
    [InlineData("application/xml, text/plain;q=0.5")]
    [InlineData("application/json;q=0, application/graphql-response+json;q=0")]
    public async Task An_Accept_header_allowing_neither_type_is_406(string accept)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostAsync(Query, accept);

        Assert.Equal(406, response.Status);
        Assert.Equal(Json, response.ContentType);
        Assert.Equal("BAD_USER_INPUT", response.Code);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task A_POST_body_that_is_not_UTF8_JSON_is_415(string? contentType)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostAsync(Query, GraphQLResponse, contentType);

        Assert.Equal(415, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.Code);
    }

    [Theory]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("Application/JSON; charset=UTF-8")]
    public async Task JSON_with_or_without_the_UTF8_charset_is_accepted(string contentType)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostAsync(Query, contentType: contentType);

        Assert.Equal(200, response.Status);
    }

    [Theory]
    [InlineData("", "empty")]
    [InlineData("{ \"not a JSON", "not valid JSON")]
    [InlineData("""[{"query":"{ __typename }"}]""", "Batched")]
    [InlineData("\"{ __typename }\"", "JSON object")]
    [InlineData("""{"qeury":"{ __typename }"}""", "no 'query'")]
    [InlineData("""{"query":{"obj":"ect"}}""", "'query' parameter must be a string")]
    [InlineData("""{"query":"{ __typename }","operationName":0}""", "'operationName'")]
    [InlineData("""{"query":"{ __typename }","variables":"string"}""", "'variables'")]
    [InlineData("""{"query":"{ __typename }","variables":["array"]}""", "'variables'")]
    [InlineData("""{"query":"{ __typename }","extensions":false}""", "'extensions'")]
    public async Task A_malformed_request_is_400_under_either_media_type(string body, string reason)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        foreach (var accept in new[] { "application/json", GraphQLResponse })
        {
            var response = await host.PostAsync(body, accept);

            Assert.Equal(400, response.Status);
            Assert.Equal("BAD_USER_INPUT", response.Code);
            Assert.False(response.HasData);
            Assert.Contains(reason, response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        }
    }

    // Valid JSON whose strings do not unescape to valid UTF-16: every later read of them would throw.
    [Theory]
    [InlineData("""{"query":"{ serverTime }","operationName":"\ud800"}""")]
    [InlineData("""{"query":"{ serverTime }","variables":{"v":"\ud800"}}""")]
    [InlineData("""{"query":"{ serverTime }","variables":{"\udfff":"v"}}""")]
    [InlineData("""{"query":"{ serverTime }","variables":{"v":{"deep":["\ud800x"]}}}""")]
    [InlineData("""{"query":"{ serverTime }","extensions":{"e":"\ud800"}}""")]
    [InlineData("""{"query":"{ serverTime \ud800 }"}""")]
    public async Task An_escaped_lone_surrogate_is_400_BAD_USER_INPUT(string body)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostAsync(body, GraphQLResponse);

        Assert.Equal((400, "BAD_USER_INPUT"), (response.Status, response.Code));
        Assert.Contains("surrogate", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_escaped_lone_surrogate_in_GET_variables_is_400_BAD_USER_INPUT()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.GetAsync("?query=%7BserverTime%7D&variables=" + Uri.EscapeDataString("""{"v":"\ud800"}"""), GraphQLResponse);

        Assert.Equal((400, "BAD_USER_INPUT"), (response.Status, response.Code));
    }

    [Fact]
    public async Task Null_optional_parameters_are_the_same_as_absent_ones()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostAsync("""{"query":"{ __typename }","operationName":null,"variables":null,"extensions":null}""");

        Assert.Equal(200, response.Status);
        Assert.False(response.Body.TryGetProperty("errors", out _));
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413_whether_or_not_its_length_is_announced()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?> { ["GraphQL:MaxRequestBytes"] = "2048" });
        var big = Encoding.UTF8.GetBytes("""{"query":"{ __typename }","extensions":{"pad":" """ + new string('x', 4096) + "\"}}");

        var announced = await host.SendAsync(HttpMethods.Post, null, big, GraphQLResponse, "application/json");
        var chunked = await host.SendAsync(HttpMethods.Post, null, big, GraphQLResponse, "application/json", announceLength: false);

        Assert.Equal((413, "BAD_USER_INPUT"), (announced.Status, announced.Code));
        Assert.Equal((413, "BAD_USER_INPUT"), (chunked.Status, chunked.Code));
    }

    [Fact]
    public async Task A_GET_runs_a_query_from_the_query_string()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.GetAsync(
            "?query=" + Uri.EscapeDataString("query Q($v: Hex) { echoHex(value: $v) }")
            + "&variables=" + Uri.EscapeDataString("""{"v":"0xAB"}""")
            + "&operationName=Q");

        Assert.Equal(200, response.Status);
        Assert.Equal("0xab", response.Data.GetProperty("echoHex").GetString());
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData(GraphQLResponse)]
    public async Task A_mutation_over_GET_is_405_allowing_POST(string accept)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.GetAsync("?query=" + Uri.EscapeDataString("""mutation { greet(input: { name: "a", times: 1 }) { text } }"""), accept);

        Assert.Equal(405, response.Status);
        Assert.Equal("POST", response.Headers.Allow.ToString());
        Assert.False(response.HasData);
    }

    [Theory]
    [InlineData("", "no 'query'")]
    [InlineData("?query=%7B__typename%7D&query=%7B__typename%7D", "given 2 times")]
    [InlineData("?query=%7B__typename%7D&variables=%5B%5D", "'variables' parameter must be a JSON object")]
    [InlineData("?query=%7B__typename%7D&variables=%7B", "not valid JSON")]
    public async Task A_malformed_GET_is_400(string queryString, string reason)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.GetAsync(queryString);

        Assert.Equal(400, response.Status);
        Assert.Contains(reason, response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{", "application/json", 200)]
    [InlineData("{", GraphQLResponse, 400)]
    [InlineData("{ nope }", "application/json", 200)]
    [InlineData("{ nope }", GraphQLResponse, 400)]
    [InlineData("query($id: ID!) { __typename }", GraphQLResponse, 400)]
    [InlineData("subscription { serverTime }", GraphQLResponse, 400)]
    public async Task Request_errors_are_200_as_JSON_and_4xx_as_graphql_response_json(string query, string accept, int status)
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync(query, accept: accept);

        Assert.Equal(status, response.Status);
        Assert.Equal("BAD_USER_INPUT", response.Code);
        Assert.False(response.HasData);
    }

    [Fact]
    public async Task A_field_error_that_nulls_all_data_is_still_a_2xx_result()
    {
        await using var host = await GraphQLTestHost.StartAsync();

        var response = await host.PostQueryAsync("""mutation { greet(input: { name: "", times: 1 }) { text } }""", accept: GraphQLResponse);

        Assert.Equal(200, response.Status);
        Assert.Equal(System.Text.Json.JsonValueKind.Null, response.Data.ValueKind);
        Assert.Equal("BAD_USER_INPUT", response.Code);
    }
}
