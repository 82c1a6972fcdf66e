using System.Security.Claims;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.GraphQL.Auth;

namespace NftMarketplace.GraphQL.WebSockets;

/// <summary>The caller a <c>connection_init</c> names: anonymous, a validated principal, or refused (4403).</summary>
internal sealed record ConnectionIdentity(ClaimsPrincipal? Principal, string? Refusal)
{
    public static ConnectionIdentity Anonymous { get; } = new(new ClaimsPrincipal(new ClaimsIdentity()), null);

    public bool IsRefused => Principal is null;

    public static ConnectionIdentity Refused(string reason) => new(null, reason);
}

/// <summary>
/// Reads the access token from <c>connection_init</c>'s payload (<c>{"accessToken": "…"}</c>, or
/// <c>{"Authorization": "Bearer …"}</c> as clients that reuse their HTTP headers send it) and validates it with the
/// same <see cref="IAccessTokenValidator"/> as HTTP. No token means an anonymous connection; a token that is refused,
/// or that cannot be checked because no validator is registered, closes the socket.
/// </summary>
internal sealed class ConnectionInitAuthenticator(IServiceScopeFactory scopes)
{
    private const string AccessTokenKey = "accessToken";
    private const string AuthorizationKey = "Authorization";
    private const string BearerPrefix = "Bearer ";

    public async Task<ConnectionIdentity> AuthenticateAsync(JsonElement? payload, CancellationToken cancellationToken)
    {
        var token = FindToken(payload);
        if (token is null)
        {
            return ConnectionIdentity.Anonymous;
        }

        if (token.Length == 0)
        {
            return ConnectionIdentity.Refused("the access token is not a string, or Authorization is not 'Bearer <token>'");
        }

        // The validator may depend on scoped services (a session store), as it does for an HTTP request.
        var scope = scopes.CreateAsyncScope();
        await using (scope.ConfigureAwait(false))
        {
            if (scope.ServiceProvider.GetService<IAccessTokenValidator>() is not { } validator)
            {
                return ConnectionIdentity.Refused("no access-token validator is registered");
            }

            var validation = await validator.ValidateAsync(token, cancellationToken).ConfigureAwait(false);
            return validation.IsValid ? new ConnectionIdentity(validation.Principal, null) : ConnectionIdentity.Refused(validation.Failure ?? "refused");
        }
    }

    /// <returns>Null when the payload carries no token (or an empty one); empty when it carries a malformed one.</returns>
    internal static string? FindToken(JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } fields)
        {
            return null;
        }

        if (fields.TryGetProperty(AccessTokenKey, out var accessToken))
        {
            return accessToken.ValueKind switch
            {
                JsonValueKind.Null => null,
                JsonValueKind.String => NullIfBlank(accessToken.GetString()),
                _ => "",
            };
        }

        foreach (var field in fields.EnumerateObject())
        {
            if (!string.Equals(field.Name, AuthorizationKey, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            if (field.Value.ValueKind != JsonValueKind.String)
            {
                return field.Value.ValueKind == JsonValueKind.Null ? null : "";
            }

            var header = field.Value.GetString()!;
            if (string.IsNullOrWhiteSpace(header))
            {
                return null;
            }

            return header.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) ? header[BearerPrefix.Length..].Trim() : "";
        }

        return null;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
