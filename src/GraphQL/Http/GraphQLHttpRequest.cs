using GraphQL;

namespace NftMarketplace.GraphQL.Http;

/// <summary>The parameters of a GraphQL-over-HTTP request, checked for type.</summary>
public sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
