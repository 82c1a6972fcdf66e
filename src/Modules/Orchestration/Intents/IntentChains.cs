using System.Globalization;
using System.Numerics;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.BuildingBlocks.Mediation;
using NftMarketplace.Modules.Registry.Contracts;
using NftMarketplace.Modules.Wallets.Contracts;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>What every prepare and track asks other modules first: the chain, its contracts and fees, the caller's wallet.</summary>
internal sealed class IntentChains(ISender sender)
{
    /// <summary>
    /// The chain, when the registry knows it (else <c>BAD_USER_INPUT</c> on <paramref name="field"/>) and it is enabled
    /// (else <c>FORBIDDEN</c>, as sign-in answers for a disabled chain).
    /// </summary>
    public async Task<ChainDto> RequireEnabledAsync(ChainId chainId, string field, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chainId);
        if (!chainId.IsEip155)
        {
            throw new BadInputException($"'{chainId}' is not an EVM (eip155) chain.", field);
        }

        var chain = await sender.Send(new GetChain(chainId), cancellationToken).ConfigureAwait(false)
            ?? throw new BadInputException($"Chain '{chainId}' is not registered.", field);
        return chain.Enabled ? chain : throw new AppException(ErrorCode.Forbidden, $"Chain '{chainId}' is disabled.", field);
    }

    /// <summary>The address of the registry's contract <paramref name="name"/> on the chain; <c>INTERNAL</c> when missing (a deployment fault).</summary>
    public async Task<Address> ContractAsync(ChainId chainId, string name, CancellationToken cancellationToken)
    {
        var contracts = await sender.Send(new GetContracts(chainId), cancellationToken).ConfigureAwait(false);
        return contracts.FirstOrDefault(c => c.Name == name) is { } contract
            ? Address.Parse(contract.Address)
            : throw new AppException(ErrorCode.Forbidden, $"Chain '{chainId}' has no {name} registered, so collections cannot be created there.", "input.chainId");
    }

    /// <summary>EIP-1559 fees from the chain's gas policy in wei (decimal), or nulls for the wallet to choose.</summary>
    public async Task<(string? MaxFeePerGas, string? MaxPriorityFeePerGas)> FeesAsync(ChainId chainId, CancellationToken cancellationToken)
    {
        var policy = await sender.Send(new GetGasPolicy(chainId), cancellationToken).ConfigureAwait(false);
        return (Wei(policy?.MaxFeeGwei), Wei(policy?.PriorityFeeGwei));
    }

    /// <summary>
    /// The caller's wallet on the chain: the primary one when it can send there (an externally owned account is the
    /// same key on every chain, a contract wallet only where it was linked), else any wallet linked on that chain.
    /// </summary>
    public async Task<Address> SenderAsync(Guid userId, ChainId chainId, string field, CancellationToken cancellationToken)
    {
        var wallets = await sender.Send(new GetUserWallets(userId), cancellationToken).ConfigureAwait(false);
        var usable = wallets.Where(w => w.Type == WalletTypes.Eoa || w.ChainId == chainId.Value).ToList();
        var chosen = usable.FirstOrDefault(w => w.IsPrimary) ?? usable.FirstOrDefault(w => w.ChainId == chainId.Value) ?? usable.FirstOrDefault();
        return chosen is null
            ? throw new BadInputException($"You have no wallet that can send transactions on '{chainId}'.", field)
            : Address.Parse(chosen.Address);
    }

    /// <summary>The wallets of the user that may send on the chain (lowercase), for checking who sent a transaction.</summary>
    public async Task<IReadOnlySet<string>> SendersAsync(Guid userId, ChainId chainId, CancellationToken cancellationToken)
    {
        var wallets = await sender.Send(new GetUserWallets(userId), cancellationToken).ConfigureAwait(false);
        return wallets.Where(w => w.Type == WalletTypes.Eoa || w.ChainId == chainId.Value)
            .Select(w => w.Address.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
    }

    private static string? Wei(decimal? gwei) =>
        gwei is { } value ? (new BigInteger(decimal.Round(value * 1_000_000_000m, 0, MidpointRounding.AwayFromZero))).ToString(CultureInfo.InvariantCulture) : null;
}
