using NftMarketplace.BuildingBlocks.Errors;
using NftMarketplace.Modules.Orchestration.Domain;

namespace NftMarketplace.UnitTests.Orchestration;

public sealed class IntentTransitionsTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 12, 0, 0, TimeSpan.Zero);

    private const string Hash = "0x1111111111111111111111111111111111111111111111111111111111111111";

    private static readonly (IntentStatus From, IntentStatus To)[] Allowed =
    [
        (IntentStatus.Prepared, IntentStatus.Pending),
        (IntentStatus.Prepared, IntentStatus.Expired),
        (IntentStatus.Pending, IntentStatus.Confirmed),
        (IntentStatus.Pending, IntentStatus.Failed),
        (IntentStatus.Pending, IntentStatus.Ready),
        (IntentStatus.Confirmed, IntentStatus.Ready),
    ];

    [Fact]
    public void Exactly_the_listed_moves_are_allowed()
    {
        var allowed = Allowed.ToHashSet();
        foreach (var from in Enum.GetValues<IntentStatus>())
        {
            foreach (var to in Enum.GetValues<IntentStatus>())
            {
                Assert.True(
                    allowed.Contains((from, to)) == IntentTransitions.IsAllowed(from, to),
                    $"{from} -> {to} should be {(allowed.Contains((from, to)) ? "allowed" : "refused")}");
            }
        }
    }

    [Theory]
    [InlineData("READY")]
    [InlineData("FAILED")]
    [InlineData("EXPIRED")]
    public void A_final_status_goes_nowhere(string name)
    {
        var status = IntentStatusNames.ParseStatus(name);
        Assert.True(IntentTransitions.IsFinal(status));
        Assert.All(Enum.GetValues<IntentStatus>(), to => Assert.False(IntentTransitions.IsAllowed(status, to)));
    }

    [Fact]
    public void Every_allowed_move_goes_forward_in_order()
    {
        foreach (var (from, to) in Allowed)
        {
            Assert.True(IntentTransitions.Order(to) > IntentTransitions.Order(from), $"{from} -> {to}");
        }
    }

    [Fact]
    public void Tracking_makes_a_prepared_intent_pending_and_the_same_hash_again_changes_nothing()
    {
        var intent = Intent(IntentStatus.Prepared);

        Assert.True(intent.Track(Hash, 7, Now));
        Assert.Equal(IntentStatus.Pending, intent.Status);
        Assert.Equal(7, intent.TxNonce);
        Assert.False(intent.Track(Hash, 7, Now.AddMinutes(1)));
        Assert.Equal(Now, intent.UpdatedAt);
    }

    [Fact]
    public void Another_hash_for_a_tracked_intent_is_a_conflict()
    {
        var intent = Intent(IntentStatus.Prepared);
        intent.Track(Hash, 7, Now);

        var refused = Assert.Throws<AppException>(() => intent.Track("0x" + new string('2', 64), 8, Now));

        Assert.Equal(ErrorCode.Conflict, refused.Code);
        Assert.Equal(Hash, intent.TxHash);
    }

    [Fact]
    public void An_expired_intent_cannot_be_tracked()
    {
        var intent = Intent(IntentStatus.Prepared);
        intent.Expire(Now);

        var refused = Assert.Throws<AppException>(() => intent.Track(Hash, 1, Now));

        Assert.Equal(ErrorCode.Conflict, refused.Code);
        Assert.Equal(IntentStatus.Expired, intent.Status);
        Assert.Null(intent.TxHash);
    }

    [Fact]
    public void A_prepared_intent_cannot_be_confirmed_or_failed_without_a_transaction()
    {
        Assert.Equal(ErrorCode.Conflict, Assert.Throws<AppException>(() => Intent(IntentStatus.Prepared).Confirm(null, null, Now)).Code);
        Assert.Equal(ErrorCode.Conflict, Assert.Throws<AppException>(() => Intent(IntentStatus.Prepared).Fail("x", Now)).Code);
    }

    [Fact]
    public void Confirming_records_the_contract_and_token_ids()
    {
        var intent = Intent(IntentStatus.Pending);

        intent.Confirm("0xabc", ["1", "2"], Now);

        Assert.Equal(IntentStatus.Confirmed, intent.Status);
        Assert.Equal("0xabc", intent.Contract);
        Assert.Equal(["1", "2"], intent.TokenIds!);
    }

    [Fact]
    public void Ready_takes_the_catalogs_contract_and_token_ids()
    {
        var intent = Intent(IntentStatus.Pending);
        intent.Confirm("0xabc", ["9"], Now);

        intent.MarkReady(null, ["1", "2"], Now.AddSeconds(1));

        Assert.Equal(IntentStatus.Ready, intent.Status);
        Assert.Equal("0xabc", intent.Contract);
        Assert.Equal(["1", "2"], intent.TokenIds!);
        Assert.Equal(Now.AddSeconds(1), intent.UpdatedAt);
    }

    [Theory]
    [InlineData("READY")]
    [InlineData("CONFIRMED")]
    public void A_retraction_reopens_a_confirmed_or_ready_mint_and_forgets_its_ids(string name)
    {
        var intent = Intent(IntentStatusNames.ParseStatus(name));
        intent.Kind = IntentKind.Mint;
        intent.TokenIds = ["1"];
        intent.TxHash = Hash;

        Assert.True(intent.Reopen(Now));

        Assert.Equal(IntentStatus.Pending, intent.Status);
        Assert.Null(intent.TokenIds);
        Assert.Equal(Hash, intent.TxHash);
        Assert.Equal(Now, intent.UpdatedAt);
    }

    [Theory]
    [InlineData("PREPARED")]
    [InlineData("PENDING")]
    [InlineData("FAILED")]
    [InlineData("EXPIRED")]
    public void A_retraction_leaves_other_statuses_alone(string name)
    {
        var intent = Intent(IntentStatusNames.ParseStatus(name));

        Assert.False(intent.Reopen(Now));

        Assert.Equal(name, intent.Status.Name());
    }

    [Fact]
    public void Names_round_trip()
    {
        Assert.All(Enum.GetValues<IntentStatus>(), s => Assert.Equal(s, IntentStatusNames.ParseStatus(s.Name())));
        Assert.All(Enum.GetValues<IntentKind>(), k => Assert.Equal(k, IntentStatusNames.ParseKind(k.Name())));
        Assert.Equal("CREATE_COLLECTION", IntentKind.CreateCollection.Name());
    }

    private static TxIntent Intent(IntentStatus status) => new()
    {
        IntentId = Guid.CreateVersion7(),
        ChainId = "eip155:31337",
        Status = status,
        ReqPayloadJson = "{}",
        TxRequestJson = "{}",
    };
}
