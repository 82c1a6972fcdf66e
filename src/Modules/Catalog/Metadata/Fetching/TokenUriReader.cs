using System.Globalization;
using System.Numerics;
using System.Text;
using Nethereum.JsonRpc.Client;
using Nethereum.RPC.Eth.DTOs;
using Nethereum.RPC.Eth.Transactions;
using NftMarketplace.BuildingBlocks.Chain;
using NftMarketplace.BuildingBlocks.Ethereum;
using NftMarketplace.Modules.Indexing.Contracts;

namespace NftMarketplace.Modules.Catalog.Metadata.Fetching;

/// <summary>
/// Reads the URIs of many documents of one chain in one JSON-RPC batch of <c>eth_call</c>s (as the indexer reads block
/// headers): <c>tokenURI(id)</c> for ERC-721, <c>uri(id)</c> for ERC-1155, <c>contractURI()</c> for a collection. A token
/// whose standard the catalog does not know yet gets both calls, and the one that answers decides. A revert or an empty
/// answer is <see cref="MetadataErrorCode.NotFound"/>; a node that does not answer is <see cref="MetadataErrorCode.RpcError"/>.
/// </summary>
internal sealed class TokenUriReader(IChainRpcClientFactory clients)
{
    private const string TokenUriSelector = "0xc87b56dd";
    private const string UriSelector = "0x0e89341c";
    private const string ContractUriSelector = "0xe8a3d485";

    /// <summary>The URI of each document, in the order given.</summary>
    public async Task<UriAnswer[]> ReadAsync(ChainId chain, IReadOnlyList<DueDocument> documents, CancellationToken cancellationToken)
    {
        var answers = new UriAnswer[documents.Count];
        var calls = new List<(int Document, string Standard, RpcRequestResponseBatchItem<EthCall, string> Item)>();
        ChainRpcClient client;
        try
        {
            client = clients.GetClient(chain);
        }
        catch (ArgumentException ex)
        {
            Array.Fill(answers, UriAnswer.Failed(MetadataErrorCode.RpcError, ex.Message));
            return answers;
        }

        var handler = new EthCall(client);
        // A token's two calls (standard unknown) have one revert by design: each item's error is that item's answer.
        var batch = new RpcRequestResponseBatch { AcceptPartiallySuccessful = true };
        for (var i = 0; i < documents.Count; i++)
        {
            var document = documents[i];
            var standards = document.IsCollection ? [""] : document.Standard is { } known ? [known] : new[] { TokenStandards.Erc721, TokenStandards.Erc1155 };
            foreach (var standard in standards)
            {
                var data = document.IsCollection ? ContractUriSelector : (standard == TokenStandards.Erc1155 ? UriSelector : TokenUriSelector) + Word(document.TokenId);
                var item = new RpcRequestResponseBatchItem<EthCall, string>(
                    handler, handler.BuildRequest(new CallInput { To = document.Contract, Data = data }, BlockParameter.CreateLatest(), batch.BatchItems.Count + 1));
                batch.BatchItems.Add(item);
                calls.Add((i, standard, item));
            }
        }

        try
        {
            await client.SendBatchRequestAsync(batch).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ChainRpcException or RpcClientUnknownException or RpcClientTimeoutException)
        {
            Array.Fill(answers, UriAnswer.Failed(MetadataErrorCode.RpcError, $"eth_call on {chain}: {ex.Message}"));
            return answers;
        }

        foreach (var (index, standard, item) in calls)
        {
            var answer = Answer(item, documents[index], standard);
            // Of a token's two calls the one that gave a URI wins; otherwise the first refusal stands.
            if (answers[index] is null || (!answers[index].IsOk && answer.IsOk))
            {
                answers[index] = answer;
            }
        }

        return answers;
    }

    private static UriAnswer Answer(RpcRequestResponseBatchItem<EthCall, string> item, DueDocument document, string standard)
    {
        var function = document.IsCollection ? "contractURI()" : standard == TokenStandards.Erc1155 ? "uri(id)" : "tokenURI(id)";
        if (item.HasError)
        {
            var message = item.RpcError?.Message ?? "no answer";
            return message.Contains("revert", StringComparison.OrdinalIgnoreCase) || item.RpcError?.Code == 3
                ? UriAnswer.Failed(MetadataErrorCode.NotFound, $"{function} reverted: {Shorten(message)}")
                : UriAnswer.Failed(MetadataErrorCode.RpcError, $"{function} failed: {Shorten(message)}");
        }

        var text = DecodeString(item.Response);
        return string.IsNullOrWhiteSpace(text)
            ? UriAnswer.Failed(MetadataErrorCode.NotFound, $"{function} returned no URI")
            : new UriAnswer(text, standard.Length == 0 ? null : standard, null, null);
    }

    /// <summary>An ABI-encoded <c>string</c> return value, or null when the answer is not one.</summary>
    internal static string? DecodeString(string? hex)
    {
        if (hex is null || !Hex.TryParse(hex, out var parsed))
        {
            return null;
        }

        var bytes = parsed.ToBytes();
        if (bytes.Length < 64)
        {
            return null;
        }

        var offset = new BigInteger(bytes.AsSpan(0, 32), isUnsigned: true, isBigEndian: true);
        if (offset > bytes.Length - 32)
        {
            return null;
        }

        var start = (int)offset;
        var length = new BigInteger(bytes.AsSpan(start, 32), isUnsigned: true, isBigEndian: true);
        if (length > bytes.Length - start - 32)
        {
            return null;
        }

        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start + 32, (int)length);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }

    private static string Word(BigInteger value)
    {
        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        var length = value.GetByteCount(isUnsigned: true);
        value.TryWriteBytes(bytes[(32 - length)..], out _, isUnsigned: true, isBigEndian: true);
        return Convert.ToHexStringLower(bytes);
    }

    private static string Shorten(string text) => text.Length <= 200 ? text : string.Create(CultureInfo.InvariantCulture, $"{text[..197]}…");
}

/// <summary>A document's URI as the contract answered it, and the standard whose call answered; or why there is none.</summary>
internal sealed record UriAnswer(string? Uri, string? Standard, string? ErrorCode, string? Error)
{
    public bool IsOk => Uri is not null;

    public static UriAnswer Failed(string code, string error) => new(null, null, code, error);
}
