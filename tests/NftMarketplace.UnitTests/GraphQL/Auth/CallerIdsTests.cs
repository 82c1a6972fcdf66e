using GraphQL.Types;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.UnitTests.GraphQL.Auth;

/// <summary>A valid token whose <c>sub</c> or <c>sid</c> is no id of ours is refused the same way on every path.</summary>
public sealed class CallerIdsTests : IAsyncLifetime
{
    private readonly TestTokens _tokens = new();
    private GraphQLTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await GraphQLTestHost.StartAsync(_tokens.Settings(), configure: builder => builder.AddGraphQLContributor<IdFields>());

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _tokens.Dispose();
    }

    [Fact]
    public async Task A_token_naming_a_user_and_a_session_gives_their_ids()
    {
        var (user, session) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        var response = await _host.PostQueryAsAsync(_tokens.Mint(user.ToString(), session.ToString()), "{ myUserId mySessionId optionalUserId }");

        Assert.Equal(200, response.Status);
        Assert.Equal(user.ToString(), response.Data.GetProperty("myUserId").GetString());
        Assert.Equal(session.ToString(), response.Data.GetProperty("mySessionId").GetString());
        Assert.Equal(user.ToString(), response.Data.GetProperty("optionalUserId").GetString());
    }

    [Fact]
    public async Task A_subject_that_is_no_user_id_is_UNAUTHENTICATED()
    {
        var response = await _host.PostQueryAsAsync(_tokens.Mint("user-5", Guid.CreateVersion7().ToString()), "{ myUserId }");

        Assert.Equal("UNAUTHENTICATED", response.Code);
        Assert.Contains("does not name a user", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_session_that_is_no_session_id_is_UNAUTHENTICATED()
    {
        var response = await _host.PostQueryAsAsync(_tokens.Mint(Guid.CreateVersion7().ToString(), "session-1"), "{ mySessionId }");

        Assert.Equal("UNAUTHENTICATED", response.Code);
    }

    [Fact]
    public async Task An_optional_caller_that_is_no_user_reads_as_anonymous()
    {
        var response = await _host.PostQueryAsAsync(_tokens.Mint("user-5"), "{ optionalUserId }");

        Assert.Equal(200, response.Status);
        Assert.Equal("anonymous", response.Data.GetProperty("optionalUserId").GetString());
    }

    private sealed class IdFields : IGraphQLContributor
    {
        public void Contribute(GraphQLRoots roots)
        {
            roots.Query.Field<StringGraphType>("myUserId").RequireAuthenticated().Resolve(context => context.RequireUserId().ToString());
            roots.Query.Field<StringGraphType>("mySessionId").RequireAuthenticated().Resolve(context => context.RequireSessionId().ToString());
            roots.Query.Field<StringGraphType>("optionalUserId").Resolve(context => context.CurrentUserId()?.ToString() ?? "anonymous");
        }
    }
}
