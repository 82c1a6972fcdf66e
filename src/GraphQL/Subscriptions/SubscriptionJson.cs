using System.Text.Json;

namespace NftMarketplace.GraphQL.Subscriptions;

/// <summary>How event payloads travel between publisher and subscribers, on one replica or across replicas.</summary>
public static class SubscriptionJson
{
    /// <summary>
    /// The web defaults (camelCase, case-insensitive reading). Local subscribers get a copy read back from the same
    /// JSON as remote ones, so an event behaves the same whichever replica raised it.
    /// </summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web);
}
