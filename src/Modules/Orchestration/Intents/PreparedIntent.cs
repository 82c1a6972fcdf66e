using NftMarketplace.Modules.Orchestration.Domain;

namespace NftMarketplace.Modules.Orchestration.Intents;

/// <summary>A prepared intent and the transaction the caller's wallet is to send.</summary>
internal sealed record PreparedIntent(IntentView Intent, PreparedTx TxRequest)
{
    public static PreparedIntent Of(TxIntent intent) => new(IntentView.Of(intent), PreparedTx.FromJson(intent.TxRequestJson));
}
