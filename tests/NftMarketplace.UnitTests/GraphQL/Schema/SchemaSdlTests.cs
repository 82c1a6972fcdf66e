using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Sdl;
using NftMarketplace.UnitTests.GraphQL.Relay;

namespace NftMarketplace.UnitTests.GraphQL.Sdl;

public sealed class SchemaSdlTests
{
    [Fact]
    public async Task The_printed_schema_does_not_depend_on_the_order_modules_register_in()
    {
        await using var oneWay = await GraphQLTestHost.StartAsync(configure: builder =>
        {
            builder.AddGraphQLContributor<TestFields>();
            LibraryFields.Register(builder);
        });
        await using var otherWay = await GraphQLTestHost.StartAsync(configure: builder =>
        {
            LibraryFields.Register(builder);
            builder.AddGraphQLContributor<TestFields>();
        });

        Assert.Equal(Print(oneWay), Print(otherWay));
    }

    [Fact]
    public async Task Types_and_fields_are_printed_in_name_order_with_unix_line_ends()
    {
        await using var host = await GraphQLTestHost.StartAsync(configure: LibraryFields.Register);

        var sdl = Print(host);

        Assert.DoesNotContain('\r', sdl);
        Assert.Matches("[^\n]\n$", sdl);
        var typeNames = sdl.Split('\n').Where(line => line.StartsWith("type ", StringComparison.Ordinal)).Select(line => line.Split(' ')[1]).ToList();
        Assert.Equal(typeNames.Order(StringComparer.Ordinal), typeNames);
        Assert.Contains("type BookConnection {", sdl, StringComparison.Ordinal);
        Assert.Contains("type Book implements Node {", sdl, StringComparison.Ordinal);
        Assert.Contains("scalar Upload", sdl, StringComparison.Ordinal);
        Assert.Contains("  node(id: ID!): Node", sdl, StringComparison.Ordinal);
    }

    private static string Print(GraphQLTestHost host) => SchemaSdl.Print(host.Services.GetRequiredService<ISchema>());
}
