using NftMarketplace.Modules.Auth.Nonces;
using NftMarketplace.Modules.Auth.Sessions;

namespace NftMarketplace.UnitTests.Auth;

public sealed class SessionSecretsTests
{
    [Fact]
    public void Nonces_are_alphanumeric_with_at_least_96_bits_and_do_not_repeat()
    {
        var nonces = Enumerable.Range(0, 2_000).Select(_ => NonceGenerator.Next()).ToList();

        Assert.All(nonces, n => Assert.Matches("^[0-9A-Za-z]{22}$", n));
        Assert.True(NonceGenerator.Length * Math.Log2(62) >= 96);
        Assert.Equal(nonces.Count, nonces.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public void Refresh_tokens_carry_256_bits_and_are_stored_only_as_their_hash()
    {
        var token = RefreshTokens.Create();
        var hash = RefreshTokens.Hash(token);

        Assert.Equal(43, token.Length);
        Assert.Matches("^[0-9a-f]{64}$", hash);
        Assert.Equal(hash, RefreshTokens.Hash(token));
        Assert.NotEqual(hash, RefreshTokens.Hash(RefreshTokens.Create()));
        Assert.DoesNotContain(token, hash, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Text_that_is_no_refresh_token_has_no_hash(string? token) => Assert.Null(RefreshTokens.Hash(token));

    [Fact]
    public void An_oversized_refresh_token_is_not_hashed() => Assert.Null(RefreshTokens.Hash(new string('a', 10_000)));
}
