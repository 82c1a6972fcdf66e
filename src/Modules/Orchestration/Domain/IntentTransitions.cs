namespace NftMarketplace.Modules.Orchestration.Domain;

/// <summary>
/// The moves an intent may make, and nothing else. PREPARED becomes PENDING when its transaction is tracked or EXPIRED
/// at its deadline; PENDING becomes CONFIRMED or FAILED by the receipt; READY follows once the catalog shows the
/// result, which may come before the receipt watcher saw the receipt (PENDING → READY). READY, FAILED and EXPIRED
/// are final.
/// </summary>
internal static class IntentTransitions
{
    public static bool IsAllowed(IntentStatus from, IntentStatus to) => (from, to) switch
    {
        (IntentStatus.Prepared, IntentStatus.Pending) => true,
        (IntentStatus.Prepared, IntentStatus.Expired) => true,
        (IntentStatus.Pending, IntentStatus.Confirmed) => true,
        (IntentStatus.Pending, IntentStatus.Failed) => true,
        (IntentStatus.Pending, IntentStatus.Ready) => true,
        (IntentStatus.Confirmed, IntentStatus.Ready) => true,
        _ => false,
    };

    public static bool IsFinal(IntentStatus status) => status is IntentStatus.Ready or IntentStatus.Failed or IntentStatus.Expired;

    /// <summary>
    /// Position along the one path an intent takes; a later status never precedes an earlier one, so a subscriber can
    /// drop an event that is not newer than what it last sent.
    /// </summary>
    public static int Order(IntentStatus status) => status switch
    {
        IntentStatus.Prepared => 0,
        IntentStatus.Pending => 1,
        IntentStatus.Confirmed => 2,
        _ => 3,
    };
}
