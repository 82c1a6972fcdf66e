using System.Net;
using System.Security.Claims;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Limits;

namespace NftMarketplace.UnitTests.GraphQL.Auth;

public sealed class AccessTokenValidatorTests : IDisposable
{
    private readonly TestTokens _tokens = new();

    public void Dispose() => _tokens.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_valid_token_names_the_user_the_session_and_the_roles()
    {
        await using var host = await GraphQLTestHost.StartAsync(_tokens.Settings());

        var validation = await Validator(host).ValidateAsync(_tokens.Mint("user-7", "session-9", ["admin", "curator"]), Ct);

        Assert.True(validation.IsValid, validation.Failure);
        var user = CurrentUser.From(validation.Principal)!;
        Assert.Equal(("user-7", "session-9"), (user.UserId, user.SessionId));
        Assert.Equal(["admin", "curator"], user.Roles.Order(StringComparer.Ordinal));
        Assert.True(validation.Principal!.IsInRole("admin"));
        Assert.Equal("user-7", validation.Principal.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal("session-9", validation.Principal.FindFirstValue("sid"));
        Assert.Equal(new RateLimitKey("user:user-7", IsUser: true), RateLimitKey.For(validation.Principal, IPAddress.Loopback));
    }

    [Fact]
    public async Task A_token_expired_within_the_clock_skew_is_accepted_and_beyond_it_refused()
    {
        await using var host = await GraphQLTestHost.StartAsync(_tokens.Settings());

        var justExpired = await Validator(host).ValidateAsync(_tokens.Mint(expiresIn: TimeSpan.FromSeconds(-10)), Ct);
        var expired = await Validator(host).ValidateAsync(_tokens.Mint(expiresIn: TimeSpan.FromSeconds(-45)), Ct);

        Assert.True(justExpired.IsValid, justExpired.Failure);
        Assert.False(expired.IsValid);
        Assert.Contains("IDX10223", expired.Failure, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("other-issuer", TestTokens.Audience)]
    [InlineData(TestTokens.Issuer, "other-audience")]
    public async Task A_token_for_another_issuer_or_audience_is_refused(string issuer, string audience)
    {
        await using var host = await GraphQLTestHost.StartAsync(_tokens.Settings());

        var validation = await Validator(host).ValidateAsync(_tokens.Mint(issuer: issuer, audience: audience), Ct);

        Assert.False(validation.IsValid);
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        using var stranger = new TestTokens();
        await using var host = await GraphQLTestHost.StartAsync(_tokens.Settings());

        var validation = await Validator(host).ValidateAsync(stranger.Mint(), Ct);

        Assert.False(validation.IsValid);
    }

    [Fact]
    public async Task An_unsigned_token_is_refused()
    {
        await using var host = await GraphQLTestHost.StartAsync(_tokens.Settings());
        var signed = _tokens.Mint().Split('.');
        var unsigned = string.Join('.', Base64Url("""{"alg":"none","typ":"JWT"}"""), signed[1], "");

        var validation = await Validator(host).ValidateAsync(unsigned, Ct);

        Assert.False(validation.IsValid);
    }

    [Fact]
    public async Task With_no_signing_key_configured_every_token_is_refused()
    {
        await using var host = await GraphQLTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["Auth:AccessTokens:Issuer"] = TestTokens.Issuer,
            ["Auth:AccessTokens:Audience"] = TestTokens.Audience,
        });

        var validation = await Validator(host).ValidateAsync(_tokens.Mint(), Ct);

        Assert.False(validation.IsValid);
    }

    [Theory]
    [InlineData(null, "session-1", "'sub'")]
    [InlineData("user-1", null, "'sid'")]
    public async Task A_token_without_its_user_or_session_is_refused(string? subject, string? session, string missing)
    {
        await using var host = await GraphQLTestHost.StartAsync(_tokens.Settings());

        var validation = await Validator(host).ValidateAsync(_tokens.Mint(subject, session), Ct);

        Assert.False(validation.IsValid);
        Assert.Contains(missing, validation.Failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_token_of_a_revoked_session_is_refused()
    {
        await using var host = await GraphQLTestHost.StartAsync(
            _tokens.Settings(),
            configure: builder => builder.Services.AddSingleton<ISessionRevocationCheck>(new RevokedSessions("session-2")));

        var open = await Validator(host).ValidateAsync(_tokens.Mint(sessionId: "session-1"), Ct);
        var revoked = await Validator(host).ValidateAsync(_tokens.Mint(sessionId: "session-2"), Ct);

        Assert.True(open.IsValid, open.Failure);
        Assert.False(revoked.IsValid);
        Assert.Contains("revoked", revoked.Failure, StringComparison.Ordinal);
    }

    private static IAccessTokenValidator Validator(GraphQLTestHost host) => host.Services.GetRequiredService<IAccessTokenValidator>();

    private static string Base64Url(string json) => System.Buffers.Text.Base64Url.EncodeToString(System.Text.Encoding.UTF8.GetBytes(json));
}

internal sealed class RevokedSessions(params string[] sessionIds) : ISessionRevocationCheck
{
    public ValueTask<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(sessionIds.Contains(sessionId));
}
