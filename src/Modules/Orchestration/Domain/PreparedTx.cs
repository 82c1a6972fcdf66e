using System.Text.Json;

namespace NftMarketplace.Modules.Orchestration.Domain;

/// <summary>
/// The transaction an intent hands out: sent from <see cref="From"/> to <see cref="To"/> with <see cref="Data"/> and
/// <see cref="Value"/> (wei, decimal). Addresses and data lowercase <c>0x</c> hex; gas and fees decimal, when known.
/// </summary>
internal sealed record PreparedTx(
    string ChainId,
    string From,
    string To,
    string Data,
    string Value,
    string? Gas,
    string? MaxFeePerGas,
    string? MaxPriorityFeePerGas)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static PreparedTx FromJson(string json) =>
        JsonSerializer.Deserialize<PreparedTx>(json, Json) ?? throw new InvalidOperationException("A stored transaction request is null.");
}
