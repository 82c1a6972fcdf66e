using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Hosting;

namespace NftMarketplace.GraphQL.Auth;

/// <summary>
/// <c>Authorization: Bearer</c> on HTTP: JwtBearer as the default authentication scheme, checking tokens with
/// <see cref="AccessTokenParameters"/> and <see cref="ISessionRevocationCheck"/> like <see cref="IAccessTokenValidator"/>.
/// The Host adds <c>app.UseAuthentication()</c> before the rate limiter, so signed-in callers are counted by user id.
/// </summary>
public static class AccessTokenAuthentication
{
    public const string Scheme = JwtBearerDefaults.AuthenticationScheme;

    public const string RefusedMessage =
        "The Authorization header does not carry a valid access token: it is malformed, expired or revoked. "
        + "Sign in again, or send the request without it.";

    internal static void AddAccessTokens(this IHostApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<AccessTokenOptions>(AccessTokenOptions.Section, o => o.Validate());
        var services = builder.Services;
        services.TryAddSingleton(new AccessTokenParameters(options));
        services.TryAddSingleton<ISessionRevocationCheck, NoSessionRevoked>();
        services.TryAddSingleton<IAccessTokenValidator, AccessTokenValidator>();

        services.AddAuthentication(Scheme).AddJwtBearer(Scheme, _ => { });
        services.AddOptions<JwtBearerOptions>(Scheme).Configure<AccessTokenParameters>((jwt, parameters) =>
        {
            jwt.TokenValidationParameters = parameters.Validation;
            jwt.TokenHandlers.Clear();
            jwt.TokenHandlers.Add(parameters.Handler);
            jwt.MapInboundClaims = parameters.Handler.MapInboundClaims;
            jwt.Events = new JwtBearerEvents { OnTokenValidated = CheckSessionAsync };
        });
    }

    /// <summary>
    /// True when the request carries credentials that do not authenticate. Such a request is refused even when it
    /// touches no protected field: a client whose token expired must learn it, not be served as anonymous.
    /// </summary>
    internal static async Task<bool> HasRefusedCredentialsAsync(HttpContext context)
    {
        if (string.IsNullOrEmpty(context.Request.Headers.Authorization))
        {
            return false;
        }

        // The handler remembers its result per request, so this costs nothing after UseAuthentication.
        var result = await context.AuthenticateAsync(Scheme).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            return true;
        }

        context.User = result.Principal;
        return false;
    }

    private static async Task CheckSessionAsync(TokenValidatedContext context)
    {
        if (context.Principal is null)
        {
            context.Fail("The token has no principal.");
            return;
        }

        var revocation = context.HttpContext.RequestServices.GetRequiredService<ISessionRevocationCheck>();
        var failure = await AccessTokenClaims.CheckSessionAsync(context.Principal, revocation, context.HttpContext.RequestAborted)
            .ConfigureAwait(false);
        if (failure is not null)
        {
            context.Fail(failure);
        }
    }
}
