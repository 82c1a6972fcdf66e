namespace NftMarketplace.Modules.Wallets;

/// <summary>The Redis keys Wallets owns. Redis only holds copies; Postgres stays the source of truth.</summary>
internal static class RedisKeys
{
    /// <summary><c>wallet:approvals:cache:{walletId}:{chainId}</c> — a wallet's operator approvals on a chain.</summary>
    public static string WalletApprovals(Guid walletId, string chainId) => $"wallet:approvals:cache:{walletId:D}:{chainId}";
}
