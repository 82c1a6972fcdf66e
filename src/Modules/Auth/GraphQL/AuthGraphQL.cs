using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.GraphQL.Limits;
using NftMarketplace.GraphQL.Relay;
using NftMarketplace.GraphQL.Scalars;
using NftMarketplace.Modules.Auth.Nonces;
using NftMarketplace.Modules.Auth.Sessions;
using NftMarketplace.Modules.Auth.SignIn;
using NftMarketplace.Modules.Users.Contracts;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Auth.GraphQL;

/// <summary>
/// Sign-In with Ethereum: <c>signInSiwe</c> → sign the message in the wallet → <c>verifySiwe</c>; then
/// <c>refreshSession</c> before the access token expires, <c>signOut</c> / <c>signOutEverywhere</c>, and
/// <c>linkWallet</c> for a further address. Refusals carry <c>extensions.code</c>: <c>BAD_USER_INPUT</c> (malformed
/// input, naming the field), <c>UNAUTHENTICATED</c> (the proof or token does not hold), <c>FORBIDDEN</c> (domain or
/// chain not open for sign-in), <c>CONFLICT</c> (address of another user), <c>RATE_LIMITED</c>.
/// </summary>
internal sealed class AuthGraphQL : IGraphQLContributor
{

    public void Contribute(GraphQLRoots roots)
    {
        ArgumentNullException.ThrowIfNull(roots);

        roots.Mutation.Field<NonNullGraphType<NoncePayloadType>>("signInSiwe")
            .Description("Step 1: a one-time nonce (valid 5 minutes) to put in the SIWE message the wallet signs.")
            .Argument<NonNullGraphType<SignInSiweInputType>>(GraphQLConventions.InputArgument)
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<SignInSiweInput>();
                return await context.SendAsync(new SignInSiwe(input.AccountId, input.ChainId, input.Domain) { Client = ClientOf(context) });
            });

        roots.Mutation.Field<NonNullGraphType<AuthPayloadType>>("verifySiwe")
            .Description("Step 2: the signed message in exchange for a session (an access token and a refresh token).")
            .Argument<NonNullGraphType<VerifySiweInputType>>(GraphQLConventions.InputArgument)
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<SiweProofInput>();
                var outcome = await context.SendAsync(
                    new VerifySiwe(input.AccountId, input.Message, input.Signature.ToBytes()) { Client = ClientOf(context) });
                return outcome.GetOrThrow();
            });

        roots.Mutation.Field<NonNullGraphType<AuthPayloadType>>("refreshSession")
            .Description("A new access token and a new refresh token for a refresh token, which stops working. "
                + "Presenting a refresh token a second time ends the session.")
            .Argument<NonNullGraphType<RefreshSessionInputType>>(GraphQLConventions.InputArgument)
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<RefreshSessionInput>();
                var outcome = await context.SendAsync(new RefreshSession(input.RefreshToken) { Client = ClientOf(context) });
                return outcome.GetOrThrow();
            });

        roots.Mutation.Field<NonNullGraphType<BooleanGraphType>>("signOut")
            .Description("Ends the caller's session; its access tokens are refused from now on, on every connection.")
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(new SignOut(context.RequireSessionId())));

        roots.Mutation.Field<NonNullGraphType<BooleanGraphType>>("signOutEverywhere")
            .Description("Ends every session of the caller's user, on every device.")
            .RequireAuthenticated()
            .ResolveAsync(async context => await context.SendAsync(new SignOutEverywhere(context.RequireUserId())));

        // Wallet is the Wallets module's type: referred to by name, resolved when the schema is built.
        roots.Mutation.Field("linkWallet", new NonNullGraphType(new GraphQLTypeReference(WalletDto.GraphQLTypeName)))
            .Description("Links a further address to the caller: it proves itself with its own SIWE message, nonce from signInSiwe.")
            .Argument<NonNullGraphType<LinkWalletInputType>>(GraphQLConventions.InputArgument)
            .RequireAuthenticated()
            .ResolveAsync(async context =>
            {
                var input = context.GetInput<SiweProofInput>();
                var outcome = await context.SendAsync(
                    new LinkWallet(context.RequireUserId(), input.AccountId, input.Message, input.Signature.ToBytes()) { Client = ClientOf(context) });
                return outcome.GetOrThrow();
            });
    }

    /// <summary>The caller's address and user agent: for the per-IP nonce limit and the audit.</summary>
    private static CallerInfo ClientOf(IResolveFieldContext context)
    {
        var http = context.RequestServices?.GetService<IHttpContextAccessor>()?.HttpContext;
        if (http is null)
        {
            return CallerInfo.Unknown;
        }

        var address = http.Connection.RemoteIpAddress;
        var network = RateLimitKey.For(user: null, address).Value;
        return new CallerInfo(address?.ToString(), network, http.Request.Headers.UserAgent.ToString() is { Length: > 0 } ua ? ua : null);
    }
}

internal sealed record SignInSiweInput(string AccountId, ChainId ChainId, string Domain);

internal sealed record SiweProofInput(string AccountId, string Message, Hex Signature);

internal sealed record RefreshSessionInput(string RefreshToken);

internal sealed class SignInSiweInputType : InputObjectGraphType<SignInSiweInput>
{
    public SignInSiweInputType()
    {
        Name = "SignInSiweInput";
        Field<NonNullGraphType<StringGraphType>>("accountId").Description("CAIP-10 account, e.g. eip155:1:0xab16a96d359ec26a11e2c2b3d8f8b8942d5bfcdb.");
        Field<NonNullGraphType<ChainIdGraphType>>("chainId").Description("CAIP-2 chain of the account, e.g. eip155:1.");
        Field<NonNullGraphType<StringGraphType>>("domain").Description("The site signing in (RFC 3986 authority), e.g. app.example.com.");
    }
}

internal sealed class VerifySiweInputType : InputObjectGraphType<SiweProofInput>
{
    public VerifySiweInputType()
    {
        Name = "VerifySiweInput";
        SiweProofFields.Add(this);
    }
}

internal sealed class LinkWalletInputType : InputObjectGraphType<SiweProofInput>
{
    public LinkWalletInputType()
    {
        Name = "LinkWalletInput";
        SiweProofFields.Add(this);
    }
}

internal static class SiweProofFields
{
    public static void Add(InputObjectGraphType<SiweProofInput> type)
    {
        type.Field<NonNullGraphType<StringGraphType>>("accountId").Description("CAIP-10 account that signed the message.");
        type.Field<NonNullGraphType<StringGraphType>>("message").Description("The EIP-4361 message exactly as signed.");
        type.Field<NonNullGraphType<HexGraphType>>("signature").Description("The wallet's signature (EIP-191, EIP-1271 or EIP-6492).");
    }
}

internal sealed class RefreshSessionInputType : InputObjectGraphType<RefreshSessionInput>
{
    public RefreshSessionInputType()
    {
        Name = "RefreshSessionInput";
        Field<NonNullGraphType<StringGraphType>>("refreshToken");
    }
}

internal sealed class NoncePayloadType : ObjectGraphType<NoncePayload>
{
    public NoncePayloadType()
    {
        Name = "NoncePayload";
        Field<NonNullGraphType<StringGraphType>>("nonce").Description("Goes into the message's Nonce field.").Resolve(c => c.Source.Nonce);
    }
}

internal sealed class AuthPayloadType : ObjectGraphType<AuthPayload>
{
    public AuthPayloadType()
    {
        Name = "AuthPayload";
        Field<NonNullGraphType<StringGraphType>>("accessToken").Description("Bearer token (JWT, ES256) for Authorization and connection_init.")
            .Resolve(c => c.Source.AccessToken);
        Field<NonNullGraphType<StringGraphType>>("refreshToken").Description("For refreshSession; works once.").Resolve(c => c.Source.RefreshToken);
        Field<NonNullGraphType<UtcDateTimeGraphType>>("expiresAt").Description("When the access token expires.").Resolve(c => c.Source.ExpiresAt);
        Field<NonNullGraphType<IdGraphType>>("userId").Description("The signed-in user's id (as User.id).")
            .Resolve(c => GlobalId.Encode(UserDto.GraphQLTypeName, c.Source.UserId));
    }
}
