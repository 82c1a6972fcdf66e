using System.Text;
using GraphQL.Types;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;

namespace NftMarketplace.UnitTests.GraphQL.Auth;

public sealed class FieldAuthorizationTests : IAsyncLifetime
{
    private readonly TestTokens _tokens = new();
    private GraphQLTestHost _host = null!;

    public async ValueTask InitializeAsync() =>
        _host = await GraphQLTestHost.StartAsync(_tokens.Settings(), configure: builder => builder.AddGraphQLContributor<ProtectedFields>());

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        _tokens.Dispose();
    }

    [Fact]
    public async Task A_protected_field_without_a_session_is_401_UNAUTHENTICATED_without_data()
    {
        var response = await _host.PostQueryAsAsync(null, "{ me }");

        Assert.Equal((401, "UNAUTHENTICATED"), (response.Status, response.Code));
        Assert.False(response.HasData);
        Assert.Contains("'Query.me' is only for signed-in callers", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task With_application_json_the_refusal_is_200_as_every_GraphQL_response()
    {
        var response = await _host.PostWithHeadersAsync(Encoding.UTF8.GetBytes("""{"query":"{ me }"}"""), "application/json", new Dictionary<string, string>(), accept: "application/json");

        Assert.Equal((200, "UNAUTHENTICATED"), (response.Status, response.Code));
    }

    [Fact]
    public async Task A_signed_in_caller_gets_the_protected_field()
    {
        var response = await _host.PostQueryAsAsync(_tokens.Mint("user-5"), "{ me }");

        Assert.Equal(200, response.Status);
        Assert.Equal("user-5", response.Data.GetProperty("me").GetString());
    }

    [Fact]
    public async Task A_caller_without_the_role_is_403_FORBIDDEN_and_one_with_it_gets_the_field()
    {
        var refused = await _host.PostQueryAsAsync(_tokens.Mint(roles: ["curator"]), "{ adminReport }");
        var allowed = await _host.PostQueryAsAsync(_tokens.Mint(roles: ["curator", "admin"]), "{ adminReport }");

        Assert.Equal((403, "FORBIDDEN"), (refused.Status, refused.Code));
        Assert.Contains("needs the role 'admin'", refused.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal("report", allowed.Data.GetProperty("adminReport").GetString());
    }

    [Fact]
    public async Task A_protected_type_protects_every_field_returning_it()
    {
        var response = await _host.PostQueryAsAsync(null, "{ vault { contents } }");

        Assert.Equal((401, "UNAUTHENTICATED"), (response.Status, response.Code));
    }

    [Fact]
    public async Task A_protected_field_reached_through_a_list_is_named_by_its_type()
    {
        var response = await _host.PostQueryAsAsync(null, "{ lockers { code } }");

        Assert.Equal((401, "UNAUTHENTICATED"), (response.Status, response.Code));
        Assert.Contains("'Locker.code' is only for signed-in callers", response.FirstError.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("query Open { serverTime } query Closed { me }")]
    [InlineData("query Open { serverTime ...Private @skip(if: true) } fragment Private on Query { me }")]
    [InlineData("query Open($show: Boolean = false) { serverTime me @include(if: $show) }")]
    public async Task Only_the_fields_the_run_operation_selects_are_checked(string document)
    {
        var response = await _host.PostQueryAsAsync(null, document, operationName: "Open");

        Assert.Equal(200, response.Status);
        Assert.True(response.Data.TryGetProperty("serverTime", out _));
    }

    [Fact]
    public async Task A_protected_field_reached_through_a_fragment_is_checked()
    {
        var response = await _host.PostQueryAsAsync(null, "{ serverTime ...Private } fragment Private on Query { ... on Query { me } }");

        Assert.Equal((401, "UNAUTHENTICATED"), (response.Status, response.Code));
    }

    [Theory]
    [InlineData("Bearer not-a-token")]
    [InlineData("Bearer ")]
    [InlineData("Basic dXNlcjpwYXNz")]
    public async Task Credentials_that_do_not_authenticate_are_401_even_for_public_fields(string authorization)
    {
        var response = await _host.PostWithHeadersAsync(
            Encoding.UTF8.GetBytes("""{"query":"{ serverTime }"}"""), "application/json", new Dictionary<string, string> { ["Authorization"] = authorization });

        Assert.Equal((401, "UNAUTHENTICATED"), (response.Status, response.Code));
        Assert.Equal("Bearer error=\"invalid_token\"", response.Headers.WWWAuthenticate.ToString());
    }

    [Fact]
    public async Task An_expired_token_is_401_even_for_public_fields()
    {
        var response = await _host.PostQueryAsAsync(_tokens.Mint(expiresIn: TimeSpan.FromMinutes(-5)), "{ serverTime }");

        Assert.Equal((401, "UNAUTHENTICATED"), (response.Status, response.Code));
    }

    [Fact]
    public async Task Resolvers_see_who_is_asking()
    {
        var anonymous = await _host.PostQueryAsAsync(null, "{ whoAmI }");
        var signedIn = await _host.PostQueryAsAsync(_tokens.Mint("user-3"), "{ whoAmI }");

        Assert.Equal("anonymous", anonymous.Data.GetProperty("whoAmI").GetString());
        Assert.Equal("user-3", signedIn.Data.GetProperty("whoAmI").GetString());
    }

    private sealed class ProtectedFields : IGraphQLContributor
    {
        public void Contribute(GraphQLRoots roots)
        {
            roots.Query.Field<StringGraphType>("me").RequireAuthenticated().Resolve(context => context.RequireUser().UserId);
            roots.Query.Field<StringGraphType>("adminReport").RequireRole("admin").Resolve(_ => "report");
            roots.Query.Field<VaultType>("vault").Resolve(_ => new object());
            roots.Query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<LockerType>>>>("lockers").Resolve(_ => new[] { new object() });
            roots.Query.Field<StringGraphType>("whoAmI").Resolve(context => context.CurrentUser()?.UserId ?? "anonymous");
        }
    }

    public sealed class VaultType : ObjectGraphType
    {
        public VaultType()
        {
            Name = "Vault";
            this.RequireAuthenticated();
            Field<StringGraphType>("contents").Resolve(_ => "gold");
        }
    }

    public sealed class LockerType : ObjectGraphType
    {
        public LockerType()
        {
            Name = "Locker";
            Field<StringGraphType>("code").RequireAuthenticated().Resolve(_ => "1234");
        }
    }
}
