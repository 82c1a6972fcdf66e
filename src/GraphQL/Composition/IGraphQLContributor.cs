namespace NftMarketplace.GraphQL.Composition;

/// <summary>
/// A module's part of the schema: the fields it adds to <c>Query</c>, <c>Mutation</c> and <c>Subscription</c>.
/// Register it with <see cref="GraphQLContributorRegistration.AddGraphQLContributor{TContributor}"/> from the
/// module's entry point. Called once, when the schema is built at start-up.
/// </summary>
/// <remarks>
/// Conventions, checked at start-up: fields are camelCase, types PascalCase, and a mutation <c>fooBar</c> takes
/// exactly one argument <c>input: FooBarInput!</c> (see <see cref="GraphQLConventions"/>).
/// </remarks>
public interface IGraphQLContributor
{
    void Contribute(GraphQLRoots roots);
}
