using System.Text.RegularExpressions;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL.Subscriptions;

/// <summary>
/// The npm graphql-ws client, as a real client, against the WebSocket endpoint (tests/graphql-ws): every message flow
/// of graphql-transport-ws and every close code.
/// </summary>
public sealed partial class GraphQLWsClientTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task The_graphql_ws_client_sees_every_flow_and_close_code()
    {
        await using var replica = await SubscriptionReplica.StartAsync(infrastructure.RedisConnectionString, new Dictionary<string, string?>
        {
            // Short, so the 4408 case and the server's pings happen within the test.
            ["GraphQL:WebSockets:ConnectionInitWaitTimeout"] = "00:00:01",
            ["GraphQL:WebSockets:KeepAliveInterval"] = "00:00:00.500",
        });

        var (exitCode, output) = await NodeTests.RunAsync("graphql-ws", file: "protocol.test.js", environment: new Dictionary<string, string>
        {
            ["GRAPHQL_WS_URL"] = replica.GraphQLWebSocket.ToString(),
            ["GRAPHQL_WS_TOKEN"] = ReplicaTestTokens.For("node-user", "node-" + Guid.NewGuid().ToString("N")),
        });

        Assert.True(exitCode == 0, output);
        var passed = int.Parse(Summary("pass").Match(output).Groups["count"].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(passed >= 14, output);
        Assert.Equal("0", Summary("fail").Match(output).Groups["count"].Value);
        TestContext.Current.SendDiagnosticMessage($"graphql-ws: {passed} node tests passed");
    }

    private static Regex Summary(string kind) => new($@"^# {kind} (?<count>\d+)$", RegexOptions.Multiline);
}
