using System.Net.Http.Headers;
using System.Text;

namespace NftMarketplace.Benchmarks;

/// <summary>
/// A trivial query through the real GraphQL endpoint against a bare endpoint answering the same
/// bytes: the difference is what parsing, validation, execution and the transport cost.
/// </summary>
internal static class HttpLatencyBenchmark
{
    public const string Query = """{"query":"{ __typename }"}""";

    public static readonly byte[] SameResponse = Encoding.UTF8.GetBytes("""{"data":{"__typename":"Query"}}""");

    public static async Task<(LatencySample GraphQL, LatencySample Baseline)> RunAsync(Uri server, int iterations, int warmup)
    {
        using var http = new HttpClient { BaseAddress = server };
        var graphql = new LatencySample("POST /graphql `{ __typename }`");
        var baseline = new LatencySample("bare endpoint, same JSON");

        async Task QueryAsync()
        {
            using var content = new StringContent(Query, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("graphql", content);
            await CheckAsync(response);
        }

        async Task BaselineAsync()
        {
            using var content = new StringContent(Query, Encoding.UTF8, "application/json");
            using var response = await http.PostAsync("baseline", content);
            await CheckAsync(response);
        }

        var discard = new LatencySample("warm-up");
        await discard.MeasureAsync(QueryAsync, warmup);
        await discard.MeasureAsync(BaselineAsync, warmup);

        // Interleaved blocks, so drift of the machine (other load, GC, JIT tiering) hits both alike.
        const int block = 250;
        for (var done = 0; done < iterations; done += block)
        {
            await graphql.MeasureAsync(QueryAsync, block);
            await baseline.MeasureAsync(BaselineAsync, block);
        }

        return (graphql, baseline);
    }

    private static async Task CheckAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode || !body.AsSpan().SequenceEqual(SameResponse))
        {
            throw new InvalidOperationException($"Unexpected answer {(int)response.StatusCode}: {Encoding.UTF8.GetString(body)}");
        }
    }

    public static MediaTypeHeaderValue Json { get; } = new("application/json");
}
