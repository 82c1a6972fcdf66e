using GraphQL;
using GraphQL.Types;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.UnitTests.GraphQL;

public sealed class ConventionsTests
{
    [Fact]
    public async Task The_composed_schema_follows_the_conventions()
    {
        await using var host = await GraphQLTestHost.StartAsync();
        var schema = (ISchema)host.Services.GetService(typeof(ISchema))!;

        Assert.Empty(GraphQLConventions.Check(schema));
        Assert.NotNull(schema.Query.GetField("echoAddress"));
        Assert.NotNull(schema.Mutation?.GetField("greet"));
        Assert.Null(schema.Subscription);
    }

    [Theory]
    [InlineData("fooBar", "FooBarInput")]
    [InlineData("signInSiwe", "SignInSiweInput")]
    public void A_mutation_takes_an_input_named_after_it(string field, string input) =>
        Assert.Equal(input, GraphQLConventions.InputTypeNameFor(field));

    [Fact]
    public void A_mutation_without_its_input_argument_is_reported()
    {
        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<StringGraphType>("rename").Argument<NonNullGraphType<StringGraphType>>("name");
        mutation.Field<StringGraphType>("wrongInput").Argument<NonNullGraphType<GreetInputType>>("input");
        mutation.Field<StringGraphType>("greet").Argument<GreetInputType>("input");

        var problems = Check(mutation: mutation);

        Assert.Contains("Mutation 'rename' must take no argument or exactly one, 'input: RenameInput!'.", problems);
        Assert.Contains("Mutation 'wrongInput' must take no argument or exactly one, 'input: WrongInputInput!'.", problems);
        Assert.Contains("Mutation 'greet' must take no argument or exactly one, 'input: GreetInput!'.", problems);
    }

    [Fact]
    public void A_mutation_acting_only_on_its_caller_may_take_no_argument()
    {
        var mutation = new ObjectGraphType { Name = "Mutation" };
        mutation.Field<BooleanGraphType>("signOut");

        Assert.Empty(Check(mutation: mutation));
    }

    [Fact]
    public void Names_out_of_case_are_reported()
    {
        var query = new ObjectGraphType { Name = "Query" };
        query.Field<LowercaseType>("snake_case").Argument<StringGraphType>("snake_arg");

        var problems = Check(query);

        Assert.Contains("Type 'lowercase' must be PascalCase.", problems);
        Assert.Contains("Field 'Query.snake_case' must be camelCase.", problems);
        Assert.Contains("Argument 'snake_arg' of 'Query.snake_case' must be camelCase.", problems);
    }

    private static IReadOnlyList<string> Check(ObjectGraphType? query = null, ObjectGraphType? mutation = null)
    {
        if (query is null)
        {
            query = new ObjectGraphType { Name = "Query" };
            query.Field<StringGraphType>("ok");
        }

        var schema = new Schema { Query = query, Mutation = mutation };
        schema.Initialize();
        return GraphQLConventions.Check(schema);
    }

    private sealed class LowercaseType : ObjectGraphType
    {
        public LowercaseType()
        {
            Name = "lowercase";
            Field<StringGraphType>("ok");
        }
    }
}
