using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Hosting;
using NftMarketplace.BuildingBlocks.Modules;
using NftMarketplace.GraphQL.Auth;
using NftMarketplace.GraphQL.Composition;
using NftMarketplace.Modules.Auth.Audit;
using NftMarketplace.Modules.Auth.Cleanup;
using NftMarketplace.Modules.Auth.Configuration;
using NftMarketplace.Modules.Auth.Contracts;
using NftMarketplace.Modules.Auth.GraphQL;
using NftMarketplace.Modules.Auth.Nonces;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Auth.Sessions;
using NftMarketplace.Modules.Auth.Signatures;
using NftMarketplace.Modules.Auth.SignIn;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Auth;

/// <summary>The Auth module's one registration entry point, called by the Host.</summary>
public static class AuthModule
{
    /// <summary>The Postgres schema this module owns.</summary>
    public const string Schema = "auth";

    /// <summary>
    /// Registers sign-in, sessions and the session revocation check. Call before the GraphQL gateway: the module adds
    /// the public half of its signing key to <c>Auth:AccessTokens:SigningKeys</c>, which the gateway reads.
    /// </summary>
    public static IHostApplicationBuilder AddAuthModule(this IHostApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddModule<AuthDbContext>(Schema)
            .Publishes<UserLoggedIn>()
            .Consume<WalletUnlinked, SessionsEndOnWalletUnlinked>(SessionsEndOnWalletUnlinked.Queue, WalletUnlinked.Key);

        builder.AddValidatedOptions<SiweOptions>(SiweOptions.Section, o => o.Validate());
        builder.AddValidatedOptions<SessionOptions>(SessionOptions.Section, o => o.Validate());
        AddAdmins(builder);
        AddSigningKey(builder);

        var services = builder.Services;
        services.AddHttpContextAccessor();
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<AccessTokenIssuer>();
        services.AddSingleton<AllowedDomains>();
        services.AddSingleton<NonceRateLimiter>();
        services.AddSingleton<SignatureVerifier>();
        services.AddSingleton<SessionBlacklist>();
        services.Replace(ServiceDescriptor.Singleton<ISessionRevocationCheck, SessionRevocationCheck>());
        services.AddScoped<SiweProof>();
        services.AddScoped<SessionIssuer>();
        services.AddScoped<LoginAudit>();

        services.AddHostedService<AuthCleanupService>();

        builder.AddGraphQLContributor<AuthGraphQL>();
        builder.AddGraphTypeExtension<UserSessionsExtension>();
        return builder;
    }

    private static void AddAdmins(IHostApplicationBuilder builder)
    {
        var admins = builder.Configuration.GetSection(AdminOptions.Section).Get<List<string>>() ?? [];
        var problems = AdminOptions.Validate(admins).ToList();
        if (problems.Count > 0)
        {
            throw new InvalidConfigurationException(AdminOptions.Section, "is invalid: " + string.Join(" ", problems));
        }

        builder.Services.AddOptions<AdminList>().Configure(list => list.Addresses.UnionWith(admins.Select(Address.Parse)));
    }

    /// <summary>
    /// Loads (in Development: creates) the signing key, and lets the gateway verify what it signs by adding its
    /// public key to the keys the gateway trusts, unless configured there already.
    /// </summary>
    private static void AddSigningKey(IHostApplicationBuilder builder)
    {
        var options = builder.AddValidatedOptions<SigningKeyOptions>(SigningKeyOptions.Section, o => o.Validate());
        System.Security.Cryptography.ECDsa? key;
        try
        {
            key = SigningKeyLoader.Load(options, builder.Environment.IsDevelopment());
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
        {
            throw new InvalidConfigurationException(SigningKeyOptions.Section, ex.Message);
        }

        builder.Services.AddSingleton(new SigningKey(key));
        if (key is null)
        {
            return;
        }

        var publicPem = key.ExportSubjectPublicKeyInfoPem();
        var trusted = builder.Configuration.GetSection(AccessTokenOptions.Section + ":SigningKeys").Get<List<string>>() ?? [];
        if (!trusted.Any(pem => string.Equals(pem.Trim(), publicPem.Trim(), StringComparison.Ordinal)))
        {
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                [$"{AccessTokenOptions.Section}:SigningKeys:{trusted.Count}"] = publicPem,
            });
        }
    }
}
