using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;

namespace NftMarketplace.Modules.Auth.SignIn;

/// <summary>Sign-in works only on chains the registry has enabled: asked when the nonce is issued and again at verify.</summary>
internal static class SignInChains
{
    /// <summary>Why signing in on <paramref name="chainId"/> is refused, or null when the registry has it enabled.</summary>
    public static async Task<AppException?> RefusalAsync(ISender sender, ChainId chainId, string field, CancellationToken cancellationToken) =>
        await sender.Send(new GetChain(chainId), cancellationToken) switch
        {
            null => new BadInputException($"Chain '{chainId}' is not registered.", field),
            { Enabled: false } => new AppException(ErrorCode.Forbidden, $"Chain '{chainId}' is disabled; signing in on it is not possible.", field),
            _ => null,
        };
}
