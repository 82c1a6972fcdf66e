namespace NftMarketplace.Modules.Wallets.Approvals;

/// <summary>One cached entry: a wallet's approvals on one chain.</summary>
internal sealed record ApprovalsKey(Guid WalletId, string ChainId)
{
    public string RedisKey => RedisKeys.WalletApprovals(WalletId, ChainId);
}
