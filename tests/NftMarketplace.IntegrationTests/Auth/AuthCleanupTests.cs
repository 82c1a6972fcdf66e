using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.IntegrationTests.GraphQL;
using NftMarketplace.IntegrationTests.Infrastructure;
using NftMarketplace.IntegrationTests.Support;
using NftMarketplace.Modules.Auth;
using NftMarketplace.Modules.Auth.Cleanup;
using NftMarketplace.Modules.Auth.Nonces;
using NftMarketplace.Modules.Auth.Persistence;
using NftMarketplace.Modules.Auth.Sessions;
using NftMarketplace.Modules.Registry;
using NftMarketplace.Modules.Users;
using NftMarketplace.Modules.Wallets;

namespace NftMarketplace.IntegrationTests.Auth;

public sealed class AuthCleanupTests(InfrastructureFixture infrastructure) : IsolatedTest(infrastructure)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Old_nonces_and_the_rotated_tokens_of_ended_sessions_are_deleted_and_nothing_else()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        await using var server = await GatewayServer.StartAsync(
            Infrastructure, Environment,
            builder => builder.AddAuthModule().AddUsersModule().AddWalletsModule().AddRegistryModule(),
            new Dictionary<string, string?> { ["Auth:Signing:PrivateKey"] = key.ExportPkcs8PrivateKeyPem(), ["Registry:DevChain:Enabled"] = "false" });
        var now = DateTimeOffset.UtcNow;
        await using (var scope = server.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AuthDbContext>();
            db.Nonces.AddRange(Nonce("oldnonce1", now.AddDays(-2)), Nonce("recentnonce", now.AddHours(-2)), Nonce("livenonce1", now.AddMinutes(5)));
            db.Sessions.AddRange(Session("ended", now, revoked: true), Session("open", now, revoked: false));
            await db.SaveChangesAsync(Ct);
            var sessions = await db.Sessions.ToDictionaryAsync(s => s.RefreshHash, s => s.SessionId, Ct);
            db.RotatedRefreshTokens.AddRange(
                new RotatedRefreshToken { RefreshHash = "r-ended", SessionId = sessions["ended"], RotatedAt = now },
                new RotatedRefreshToken { RefreshHash = "r-open", SessionId = sessions["open"], RotatedAt = now });
            await db.SaveChangesAsync(Ct);
        }

        await using var run = server.Services.CreateAsyncScope();
        var result = await run.ServiceProvider.GetRequiredService<ISender>().Send(new CleanUpAuthData(), Ct);
        var again = await run.ServiceProvider.GetRequiredService<ISender>().Send(new CleanUpAuthData(), Ct);

        Assert.Equal(new CleanUpResult(1, 1), result);
        Assert.Equal(new CleanUpResult(0, 0), again);
        var left = run.ServiceProvider.GetRequiredService<AuthDbContext>();
        Assert.Equal(["livenonce1", "recentnonce"], await left.Nonces.OrderBy(n => n.Nonce).Select(n => n.Nonce).ToListAsync(Ct));
        Assert.Equal(["r-open"], await left.RotatedRefreshTokens.Select(t => t.RefreshHash).ToListAsync(Ct));
        Assert.Equal(2, await left.Sessions.CountAsync(Ct));
    }

    private static AuthNonce Nonce(string nonce, DateTimeOffset expiresAt) => new()
    {
        Nonce = nonce,
        AccountId = "eip155:31337:0x0000000000000000000000000000000000000001",
        Domain = "app.nft.test",
        ChainId = "eip155:31337",
        IssuedAt = expiresAt.AddMinutes(-5),
        ExpiresAt = expiresAt,
    };

    private static Session Session(string refreshHash, DateTimeOffset now, bool revoked) => new()
    {
        SessionId = Guid.CreateVersion7(),
        UserId = Guid.CreateVersion7(),
        AccountId = "eip155:31337:0x0000000000000000000000000000000000000001",
        RefreshHash = refreshHash,
        CreatedAt = now.AddHours(-1),
        ExpiresAt = now.AddDays(29),
        RevokedAt = revoked ? now : null,
    };
}
