using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.Modules.Wallets.Links;

internal static class WalletErrors
{
    /// <summary>Someone else's wallet reads as a missing one: whether a wallet id exists is not the caller's business.</summary>
    public static AppException NotYours() => new(ErrorCode.NotFound, "You have no such wallet.", "input.walletId");
}
