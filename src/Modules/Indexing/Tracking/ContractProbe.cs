using System.Text;
using Nethereum.Hex.HexTypes;
using Nethereum.RPC.Eth.DTOs;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Indexing.Decoding;

namespace NftMarketplace.Modules.Indexing.Tracking;

/// <summary>What the chain says about a contract an admin asks to track: whether it is one, its standard (ERC-165), where it was deployed, its name.</summary>
internal static class ContractProbe
{
    private const string Erc721 = "80ac58cd";
    private const string Erc1155 = "d9b67a26";
    private const string SupportsInterface = "0x01ffc9a7";

    public static async Task<bool> HasCodeAsync(ChainRpcClient client, string address, long? block, CancellationToken cancellationToken)
    {
        var code = await client.SendAsync<string>(
            "eth_getCode", [address, block is { } number ? new HexBigInteger(number).HexValue : "latest"], cancellationToken).ConfigureAwait(false);
        return code is { Length: > 2 };
    }

    /// <summary><c>erc721</c> or <c>erc1155</c> by ERC-165 <c>supportsInterface</c>, or null when it claims neither.</summary>
    public static async Task<string?> StandardAsync(ChainRpcClient client, string address, CancellationToken cancellationToken)
    {
        if (await SupportsAsync(client, address, Erc721, cancellationToken).ConfigureAwait(false))
        {
            return Contracts.TokenStandards.Erc721;
        }

        return await SupportsAsync(client, address, Erc1155, cancellationToken).ConfigureAwait(false) ? Contracts.TokenStandards.Erc1155 : null;
    }

    /// <summary>The first block at which <paramref name="address"/> has code (binary search over <c>eth_getCode</c>), or null when the node cannot tell.</summary>
    public static async Task<long?> DeploymentBlockAsync(ChainRpcClient client, string address, long head, CancellationToken cancellationToken)
    {
        try
        {
            long low = 0, high = head;
            while (low < high)
            {
                var middle = low + ((high - low) / 2);
                if (await HasCodeAsync(client, address, middle, cancellationToken).ConfigureAwait(false))
                {
                    high = middle;
                }
                else
                {
                    low = middle + 1;
                }
            }

            return low;
        }
        catch (ChainRpcException)
        {
            // A node without the old state (not an archive node) cannot answer for old blocks.
            return null;
        }
    }

    /// <summary>The top-level transaction of <paramref name="block"/> that created <paramref name="address"/>, or null (created by another contract, or not found).</summary>
    public static async Task<string?> DeployingTransactionAsync(ChainRpcClient client, string address, long block, CancellationToken cancellationToken)
    {
        try
        {
            var full = await client.GetBlockWithTransactionsByNumberAsync(new BlockParameter(new HexBigInteger(block)), cancellationToken).ConfigureAwait(false);
            foreach (var transaction in (full?.Transactions ?? []).Where(t => string.IsNullOrEmpty(t.To)).Take(50))
            {
                var receipt = await client.GetTransactionReceiptAsync(TxHash.Parse(transaction.TransactionHash), cancellationToken).ConfigureAwait(false);
                if (string.Equals(receipt?.ContractAddress, address, StringComparison.OrdinalIgnoreCase))
                {
                    return transaction.TransactionHash.ToLowerInvariant();
                }
            }
        }
        catch (ChainRpcException)
        {
        }

        return null;
    }

    /// <summary><c>name()</c>, <c>symbol()</c> or another string getter; null when the contract does not answer one.</summary>
    public static async Task<string?> StringAsync(ChainRpcClient client, string address, string selector, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.CallAsync(new CallInput { To = address, Data = selector }, cancellationToken: cancellationToken).ConfigureAwait(false);
            var reader = new AbiReader(result.Value);
            return reader.Length >= 64 ? reader.String(0) : null;
        }
        catch (Exception ex) when (ex is ChainRpcErrorException or FormatException or DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary><c>owner()</c>; null when the contract has none.</summary>
    public static async Task<string?> OwnerAsync(ChainRpcClient client, string address, CancellationToken cancellationToken)
    {
        try
        {
            var result = await client.CallAsync(new CallInput { To = address, Data = "0x8da5cb5b" }, cancellationToken: cancellationToken).ConfigureAwait(false);
            var reader = new AbiReader(result.Value);
            return reader.Length == 32 ? reader.Address(0) : null;
        }
        catch (Exception ex) when (ex is ChainRpcErrorException or FormatException)
        {
            return null;
        }
    }

    private static async Task<bool> SupportsAsync(ChainRpcClient client, string address, string interfaceId, CancellationToken cancellationToken)
    {
        try
        {
            var data = SupportsInterface + interfaceId + new string('0', 56);
            var result = await client.CallAsync(new CallInput { To = address, Data = data }, cancellationToken: cancellationToken).ConfigureAwait(false);
            var reader = new AbiReader(result.Value);
            return reader.Length >= 32 && reader.Uint(0).IsOne;
        }
        catch (Exception ex) when (ex is ChainRpcErrorException or FormatException)
        {
            // No supportsInterface (a revert, or no answer a bool can be read from): not an NFT contract.
            return false;
        }
    }
}
