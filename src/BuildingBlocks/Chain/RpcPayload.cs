using System.Text;
using Nethereum.JsonRpc.Client;
using Nethereum.JsonRpc.Client.RpcMessages;
using Nethereum.Util;
using NftMarketplace.BuildingBlocks.Ethereum;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace NftMarketplace.BuildingBlocks.Chain;

/// <summary>A request body, serialized once and sent as is on every attempt, and how to read what comes back.</summary>
internal abstract class RpcPayload
{
    private const int MaxDetailLength = 200;

    // Nethereum's own settings: its request DTOs (CallInput, NewFilterInput, HexBigInteger, …) serialize as it expects.
    private static readonly JsonSerializerSettings Settings = DefaultJsonSerializerSettingsFactory.BuildDefaultJsonSerializerSettings();

    protected RpcPayload(string method, bool repeatable, object request)
    {
        Method = method;
        Repeatable = repeatable;
        Body = Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(request, Settings));
    }

    /// <summary>The method, or <c>batch</c>: the name in errors, logs and metrics.</summary>
    public string Method { get; }

    /// <summary>Safe to send again after an answer was lost (see <see cref="RpcMethods.IsRepeatable"/>).</summary>
    public bool Repeatable { get; }

    public byte[] Body { get; }

    public AttemptResult Read(int status, byte[] body)
    {
        if (status == 429)
        {
            return AttemptResult.Failed(ChainRpcFailureKind.RateLimited, "HTTP 429", countsAgainstEndpoint: true, mayHaveReachedNode: false);
        }

        // Some providers answer JSON-RPC errors with 4xx or 5xx statuses: the JSON-RPC error says more than the status.
        var answer = ReadBody(body);
        return answer ?? status switch
        {
            >= 200 and < 300 => AttemptResult.Failed(
                ChainRpcFailureKind.InvalidResponse, "not a JSON-RPC response", countsAgainstEndpoint: true, mayHaveReachedNode: true),
            >= 500 => AttemptResult.Failed(
                ChainRpcFailureKind.HttpStatus, $"HTTP {status}", countsAgainstEndpoint: true, mayHaveReachedNode: true),
            // Refused before it was processed: a wrong key, path or method.
            _ => AttemptResult.Failed(
                ChainRpcFailureKind.HttpStatus, $"HTTP {status}", countsAgainstEndpoint: true, mayHaveReachedNode: false),
        };
    }

    /// <summary>The attempt's result when <paramref name="body"/> is a JSON-RPC answer, else null.</summary>
    protected virtual AttemptResult? ReadBody(byte[] body) => Parse(body) is { } json ? Read(json) : null;

    /// <summary>The attempt's result when <paramref name="json"/> is a JSON-RPC answer, else null.</summary>
    protected abstract AttemptResult? Read(JToken json);

    protected static RpcResponseMessage? ToResponse(JObject json) =>
        json.ContainsKey("result") || json.ContainsKey("error")
            ? json.ToObject<RpcResponseMessage>(JsonSerializer.Create(Settings))
            : null;

    /// <summary>The attempt's result for an error answer, by what the error says about where the fault lies.</summary>
    protected static AttemptResult FromError(int code, string? message, object answer)
    {
        var detail = $"{code} {Truncate(message)}";
        return RpcErrorClassifier.Classify(code, message) switch
        {
            RpcErrorClass.NodeTrouble => AttemptResult.Failed(
                ChainRpcFailureKind.NodeError, detail, countsAgainstEndpoint: true, mayHaveReachedNode: true),
            RpcErrorClass.RateLimited => AttemptResult.Failed(
                ChainRpcFailureKind.RateLimited, detail, countsAgainstEndpoint: true, mayHaveReachedNode: false),
            RpcErrorClass.NotServedHere => AttemptResult.Failed(
                ChainRpcFailureKind.NotServedHere, detail, countsAgainstEndpoint: false, mayHaveReachedNode: false, answer),
            _ => AttemptResult.Answered(answer, isRpcError: true),
        };
    }

    private static JToken? Parse(byte[] body)
    {
        using var text = new StreamReader(new MemoryStream(body), Encoding.UTF8);
        // Hex strings stay strings: Newtonsoft would otherwise turn anything date-like into a DateTime.
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.None };
        try
        {
            return JToken.ReadFrom(reader);
        }
        catch (JsonReaderException)
        {
            return null;
        }
    }

    private static string Truncate(string? text) =>
        text is null ? "" : text.Length <= MaxDetailLength ? text : text[..MaxDetailLength] + "…";
}

internal sealed class SingleRpcPayload : RpcPayload
{
    // What nodes say when they already hold the transaction (geth, Erigon, Nethermind, Besu, Anvil).
    private static readonly string[] AlreadyKnownMarkers = ["already known", "alreadyknown", "known transaction", "already imported"];

    public SingleRpcPayload(RpcRequestMessage request)
        : base(request.Method, RpcMethods.IsRepeatable(request.Method), request)
    {
        Request = request;
        TransactionHash = request.Method == RpcMethods.SendRawTransaction ? HashOfSignedTransaction(request.RawParameters) : null;
    }

    public RpcRequestMessage Request { get; }

    /// <summary>For <c>eth_sendRawTransaction</c>, the hash of the signed transaction sent: what the node would answer.</summary>
    public TxHash? TransactionHash { get; }

    protected override AttemptResult? Read(JToken json)
    {
        if (json is not JObject answer || ToResponse(answer) is not { } response)
        {
            return null;
        }

        if (response.Error is not { } error)
        {
            return AttemptResult.Answered(response, isRpcError: false);
        }

        // The node holds this very transaction (from an earlier attempt or call): that is the success the caller wanted.
        if (TransactionHash is { } hash && AlreadyKnownMarkers.Any(m => error.Message?.Contains(m, StringComparison.OrdinalIgnoreCase) == true))
        {
            return AttemptResult.Answered(new RpcResponseMessage(response.Id, new JValue(hash.Value)), isRpcError: false);
        }

        return FromError(error.Code, error.Message, response);
    }

    private static TxHash? HashOfSignedTransaction(object? parameters) =>
        parameters is object[] { Length: > 0 } values && values[0] is string signed && Hex.TryParse(signed, out var bytes) && !bytes.IsEmpty
            ? TxHash.FromBytes(Sha3Keccack.Current.CalculateHash(bytes.ToBytes()))
            : null;
}

internal sealed class BatchRpcPayload : RpcPayload
{
    public BatchRpcPayload(RpcRequestMessage[] requests)
        : base("batch", requests.All(r => RpcMethods.IsRepeatable(r.Method)), requests)
    {
    }

    protected override AttemptResult? Read(JToken json)
    {
        if (json is JObject whole && ToResponse(whole) is { Error: not null } refusal)
        {
            // One error for the whole batch: this endpoint does not take batches (or not this big); another may.
            var detail = $"{refusal.Error.Code} {refusal.Error.Message}";
            return AttemptResult.Failed(ChainRpcFailureKind.NotServedHere, detail, countsAgainstEndpoint: false, mayHaveReachedNode: false);
        }

        if (json is not JArray items)
        {
            return null;
        }

        var responses = items.OfType<JObject>().Select(ToResponse).OfType<RpcResponseMessage>().ToArray();
        if (responses.Length != items.Count)
        {
            return null;
        }

        // The batch fails as a whole when any item failed for a reason another endpoint may not have.
        var failures = responses
            .Where(r => r.Error is not null)
            .Select(r => FromError(r.Error.Code, r.Error.Message, responses))
            .Where(r => r.Failure is not null)
            .ToList();
        return failures.FirstOrDefault(f => f.CountsAgainstEndpoint)
            ?? failures.FirstOrDefault()
            ?? AttemptResult.Answered(responses, isRpcError: responses.Any(r => r.Error is not null));
    }
}

/// <summary>
/// A request whose answer is read with <c>System.Text.Json</c> and handed over as the whole response document: for
/// answers of thousands of items (<c>eth_getLogs</c>), which Nethereum's Newtonsoft path would parse three times over.
/// An error answer becomes an <see cref="RpcResponseMessage"/> like any other, so it is classified the same way.
/// </summary>
internal sealed class DocumentRpcPayload(RpcRequestMessage request) : RpcPayload(request.Method, RpcMethods.IsRepeatable(request.Method), request)
{
    protected override AttemptResult? ReadBody(byte[] body)
    {
        System.Text.Json.JsonDocument document;
        try
        {
            document = System.Text.Json.JsonDocument.Parse(body);
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }

        var root = document.RootElement;
        if (root.ValueKind == System.Text.Json.JsonValueKind.Object && root.TryGetProperty("error", out var error) && error.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            var code = error.TryGetProperty("code", out var number) && number.TryGetInt32(out var value) ? value : 0;
            var message = error.TryGetProperty("message", out var text) && text.ValueKind == System.Text.Json.JsonValueKind.String ? text.GetString() : null;
            var data = error.TryGetProperty("data", out var detail) ? JToken.Parse(detail.GetRawText()) : null;
            document.Dispose();
            return FromError(code, message, new RpcResponseMessage(request.Id, new Nethereum.JsonRpc.Client.RpcMessages.RpcError { Code = code, Message = message, Data = data }));
        }

        if (root.ValueKind != System.Text.Json.JsonValueKind.Object || !root.TryGetProperty("result", out _))
        {
            document.Dispose();
            return null;
        }

        return AttemptResult.Answered(document, isRpcError: false);
    }

    protected override AttemptResult? Read(JToken json) => throw new NotSupportedException("Read as a document.");
}
