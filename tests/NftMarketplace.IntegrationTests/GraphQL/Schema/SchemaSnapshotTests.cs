using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using NftMarketplace.GraphQL.Sdl;
using NftMarketplace.IntegrationTests.Support;

namespace NftMarketplace.IntegrationTests.GraphQL.Sdl;

/// <summary>
/// <c>schema.graphql</c> at the repository root is the Host's schema, as every module contributes to it: a change to
/// the schema fails here until the file is updated with it, so clients and reviewers see every schema change as a diff.
/// </summary>
public sealed class SchemaSnapshotTests
{
    private const string ReceivedFileName = "schema.received.graphql";
    private const string AcceptVariable = "ACCEPT_SCHEMA";

    [Fact]
    public void The_committed_schema_is_the_Hosts_schema()
    {
        var printed = SchemaSdl.Print(HostSchema());
        var root = Repository.Root;
        var committedPath = Path.Combine(root, SchemaSdl.FileName);
        var receivedPath = Path.Combine(root, ReceivedFileName);
        var committed = File.Exists(committedPath) ? File.ReadAllText(committedPath).ReplaceLineEndings("\n") : "";

        if (committed != printed && Environment.GetEnvironmentVariable(AcceptVariable) == "1")
        {
            File.WriteAllText(committedPath, printed);
            committed = printed;
        }

        if (committed == printed)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, printed);
        Assert.Fail(
            $"The Host's GraphQL schema is not the committed {SchemaSdl.FileName} ({FirstDifference(committed, printed)}). "
            + $"The schema now served is in {ReceivedFileName}. If the change is intended, accept it: copy {ReceivedFileName} over "
            + $"{SchemaSdl.FileName}, or run this test with {AcceptVariable}=1 "
            + $"({AcceptVariable}=1 dotnet test --project tests/NftMarketplace.IntegrationTests -- --filter-class \"*SchemaSnapshot*\"); "
            + $"then commit {SchemaSdl.FileName}.");
    }

    /// <summary>The schema built by the Host's own composition, with placeholder connections that are never opened.</summary>
    private static ISchema HostSchema()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "Production", DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:nftmarketplace"] = "Host=127.0.0.1;Port=1;Database=schema",
            ["ConnectionStrings:redis"] = "127.0.0.1:1",
            ["ConnectionStrings:rabbitmq"] = "amqp://guest:guest@127.0.0.1:1/",
            ["ConnectionStrings:chain"] = "http://127.0.0.1:1",
            ["ConnectionStrings:storage"] = "Endpoint=http://127.0.0.1:1;AccessKey=a;SecretKey=b;Bucket=media",
        });
        NftMarketplace.Composition.HostComposition.AddModules(builder);
        var host = builder.Build();
        return host.Services.GetRequiredService<ISchema>();
    }

    private static string FirstDifference(string committed, string printed)
    {
        var (expected, actual) = (committed.Split('\n'), printed.Split('\n'));
        for (var line = 0; line < Math.Max(expected.Length, actual.Length); line++)
        {
            var (was, now) = (line < expected.Length ? expected[line] : "(end of file)", line < actual.Length ? actual[line] : "(end of file)");
            if (was != now)
            {
                return $"first difference at line {line + 1}: committed '{was.Trim()}', served '{now.Trim()}'";
            }
        }

        return "line ends differ";
    }
}
