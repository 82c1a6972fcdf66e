using NftMarketplace.BuildingBlocks.Errors;

namespace NftMarketplace.Modules.Orchestration.Intents;

internal static class IntentErrors
{
    /// <summary>An intent that does not exist, or is not the caller's: the same answer, so ids reveal nothing.</summary>
    public static AppException NotFound(string? field) => new(ErrorCode.NotFound, "No such intent.", field);
}
