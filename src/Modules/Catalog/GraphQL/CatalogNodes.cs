using GraphQL;
using GraphQL.DataLoader;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog.GraphQL;

/// <summary><c>node(id)</c> for <c>Collection</c>: the catalog's row (ids issued before the row existed name the same key).</summary>
internal sealed class CollectionNodeResolver : INodeResolver
{
    public string TypeName => CollectionType.TypeName;

    public IDataLoaderResult<object?>? Resolve(IResolveFieldContext context, string localId) =>
        CatalogKeys.TryParseCollection(localId, out _, out _) ? context.Loader<CollectionsByKey>().Load(localId).Then(row => (object?)row) : null;
}

/// <summary><c>node(id)</c> for <c>Token</c>.</summary>
internal sealed class TokenNodeResolver : INodeResolver
{
    public string TypeName => TokenType.TypeName;

    public IDataLoaderResult<object?>? Resolve(IResolveFieldContext context, string localId) =>
        CatalogKeys.TryParseToken(localId, out _, out _, out _) ? context.Loader<TokensByKey>().Load(localId).Then(token => (object?)token) : null;
}
