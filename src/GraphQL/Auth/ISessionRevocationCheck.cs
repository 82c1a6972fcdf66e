namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// Whether a session was ended before its access tokens expired (signed out, refresh token reused). Consulted for
/// every token once its signature and lifetime are valid. The Auth module replaces the default, which revokes
/// nothing, with its check of <c>session:blacklist:{sid}</c>.
/// </summary>
public interface ISessionRevocationCheck
{
    ValueTask<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken);
}

internal sealed class NoSessionRevoked : ISessionRevocationCheck
{
    public ValueTask<bool> IsRevokedAsync(string sessionId, CancellationToken cancellationToken) => ValueTask.FromResult(false);
}
