using NftMarketplace.BuildingBlocks.Chain;

namespace NftMarketplace.UnitTests.Chain;

public sealed class EndpointSelectorTests
{
    private const int Draws = 20_000;

    [Fact]
    public void A_lower_priority_comes_first_whatever_the_weights()
    {
        Candidate[] candidates = [new("backup", 1, 1000), new("primary", 0, 1), new("last", 2, 1000)];
        var random = new Random(1);

        for (var draw = 0; draw < 100; draw++)
        {
            var order = Order(candidates, random);
            Assert.Equal(["primary", "backup", "last"], order.Select(c => c.Name));
        }
    }

    [Theory]
    [InlineData(new[] { 3, 1 })]
    [InlineData(new[] { 1, 1, 2 })]
    [InlineData(new[] { 5, 3, 1, 1 })]
    public void Endpoints_of_one_priority_come_first_in_proportion_to_their_weight(int[] weights)
    {
        var candidates = weights.Select((weight, index) => new Candidate($"e{index}", 0, weight)).ToArray();
        var random = new Random(42);

        var firsts = Enumerable.Range(0, Draws).Select(_ => Order(candidates, random)[0].Name).CountBy(name => name).ToDictionary();

        foreach (var candidate in candidates)
        {
            var expected = (double)candidate.Weight / weights.Sum();
            var observed = (double)firsts.GetValueOrDefault(candidate.Name) / Draws;
            // Four standard deviations of a binomial share: a sound sampler fails this about once in 15,000 runs.
            var tolerance = 4 * Math.Sqrt(expected * (1 - expected) / Draws);
            Assert.InRange(observed, expected - tolerance, expected + tolerance);
        }
    }

    [Fact]
    public void The_order_after_the_first_is_weighted_too_so_failover_spreads_like_traffic()
    {
        Candidate[] candidates = [new("heavy", 0, 8), new("medium", 0, 2), new("light", 0, 1)];
        var random = new Random(3);

        // When "heavy" is first, the second is "medium" with probability 2/3.
        var seconds = Enumerable.Range(0, Draws)
            .Select(_ => Order(candidates, random))
            .Where(order => order[0].Name == "heavy")
            .Select(order => order[1].Name)
            .ToList();

        var share = (double)seconds.Count(name => name == "medium") / seconds.Count;
        Assert.InRange(share, 2.0 / 3 - 0.03, 2.0 / 3 + 0.03);
    }

    [Fact]
    public void A_zero_weight_endpoint_is_a_standby_after_the_others_of_its_priority()
    {
        Candidate[] candidates = [new("standby", 0, 0), new("a", 0, 1), new("b", 0, 1), new("lower", 1, 5)];
        var random = new Random(5);

        for (var draw = 0; draw < 200; draw++)
        {
            var order = Order(candidates, random).Select(c => c.Name).ToList();
            Assert.Equal("standby", order[2]);
            Assert.Equal("lower", order[3]);
        }
    }

    private static List<Candidate> Order(IEnumerable<Candidate> candidates, Random random) =>
        EndpointSelector.Order(candidates, c => c.Priority, c => c.Weight, random);

    private sealed record Candidate(string Name, int Priority, int Weight);
}
