using System.Globalization;
using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.GraphQL.Relay;

namespace NftMarketplace.Modules.Orchestration.GraphQL;

/// <summary>Intent ids as clients send them: the global ids of <c>TxIntent</c> nodes.</summary>
internal static class IntentIds
{
    public const string Field = "input.intentId";

    /// <summary>
    /// The intent's local id. Text this server never issued is bad input; the id of something that is no intent reads as
    /// an intent that does not exist (<see cref="Guid.Empty"/>), so the handler answers NOT_FOUND.
    /// </summary>
    public static Guid Parse(object? id, string field = Field)
    {
        var text = Convert.ToString(id, CultureInfo.InvariantCulture);
        if (!GlobalId.TryDecode(text, out var typeName, out var localId))
        {
            throw new BadInputException($"'{text}' is not an intent id this server issued.", field);
        }

        return typeName == TxIntentType.TypeName && Guid.TryParse(localId, out var intentId) ? intentId : Guid.Empty;
    }
}
