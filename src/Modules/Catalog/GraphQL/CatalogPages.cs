using GraphQL;
using GraphQL.DataLoader;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.Modules.Catalog.Contracts;
using NftMarketplace.Modules.Catalog.Reading;

namespace NftMarketplace.Modules.Catalog.GraphQL;

/// <summary>The catalog's connection arguments: <c>first</c> (at most 100) and <c>after</c>, checked before anything is read.</summary>
internal static class CatalogPages
{
    public static PageRequest From(IResolveFieldContext context) =>
        PageRequest.Create(context.GetArgument<int?>(PageRequest.FirstArgument), context.GetArgument<string?>(PageRequest.AfterArgument));

    /// <summary>A page of a token's or collection's activity, batched with every other parent's of the response.</summary>
    public static IDataLoaderResult<Connection<ActivityDto>> Activity(IResolveFieldContext context, string parent)
    {
        var page = From(context);
        if (page.After is { } after)
        {
            PageCursor.Decode(after, ActivityPages.List, 3);
        }

        var types = context.GetArgument<List<string>?>("types");
        var key = new ListPageKey(parent, page.Size, page.After, types is { Count: > 0 } ? string.Join(',', types.Distinct().Order(StringComparer.Ordinal)) : null);
        var dataSource = context.RequestServices!.GetRequiredService<NpgsqlDataSource>();
        return context.Loader<ActivityPages>().Load(key).Then(rows => ListPages.ToConnection(rows, key, token => CountActivityAsync(dataSource, key, token)));
    }

    /// <summary>A page of a token's holders, batched with every other token's of the response.</summary>
    public static IDataLoaderResult<Connection<TokenBalanceView>> Balances(IResolveFieldContext context, TokenView token)
    {
        var page = From(context);
        if (page.After is { } after)
        {
            PageCursor.Decode(after, BalancePages.List, 1);
        }

        var key = new ListPageKey(token.Key, page.Size, page.After, null);
        var dataSource = context.RequestServices!.GetRequiredService<NpgsqlDataSource>();
        return context.Loader<BalancePages>().Load(key).Then(rows => ListPages.ToConnection(rows, key, async cancellationToken => (int)await CatalogSql.CountAsync(
            dataSource,
            $"SELECT count(*) FROM {CatalogSql.S}.token_balances WHERE chain_id = @chain AND contract = @contract AND token_id = @id::numeric AND quantity > 0",
            p =>
            {
                p.AddWithValue("chain", token.ChainId);
                p.AddWithValue("contract", token.Contract);
                p.AddWithValue("id", token.TokenId);
            },
            cancellationToken).ConfigureAwait(false)));
    }

    private static async Task<int> CountActivityAsync(NpgsqlDataSource dataSource, ListPageKey key, CancellationToken cancellationToken)
    {
        var isToken = CatalogKeys.TryParseToken(key.Parent, out var chain, out var contract, out var tokenId);
        if (!isToken)
        {
            _ = CatalogKeys.TryParseCollection(key.Parent, out chain, out contract);
        }

        var types = key.Types?.Split(',');
        return (int)await CatalogSql.CountAsync(
            dataSource,
            $"SELECT count(*) FROM {CatalogSql.S}.activities a WHERE a.chain_id = @chain AND a.contract = @contract"
            + (isToken ? " AND a.token_id = @id::numeric" : "") + (types is null ? "" : " AND a.type = ANY(@types)"),
            p =>
            {
                p.AddWithValue("chain", chain!);
                p.AddWithValue("contract", contract!);
                if (isToken)
                {
                    p.AddWithValue("id", tokenId!);
                }

                if (types is not null)
                {
                    p.AddWithValue("types", types);
                }
            },
            cancellationToken).ConfigureAwait(false);
    }
}
