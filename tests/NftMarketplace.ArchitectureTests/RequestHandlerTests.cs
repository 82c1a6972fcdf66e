using System.Reflection;
using NftMarketplace.BuildingBlocks.Mediation;

namespace NftMarketplace.ArchitectureTests;

/// <summary>The mediator sends each request to one handler: none would fail at run time, two would hide one.</summary>
public sealed class RequestHandlerTests
{
    [Fact]
    public void Every_request_type_has_exactly_one_handler()
    {
        var modules = Solution.AllModuleProjects;

        var wrong = HandlerCounts(modules).Where(c => c.Value != 1).Select(c => $"{c.Key.FullName}: {c.Value}").ToList();

        Assert.True(wrong.Count == 0, "Requests without exactly one handler: " + string.Join("; ", wrong));
    }

    [Fact]
    public void The_rule_sees_the_modules_requests_public_and_internal()
    {
        var requests = HandlerCounts(Solution.AllModuleProjects).Keys.Select(t => t.Name).ToList();

        Assert.Contains("GetChain", requests);      // Registry.Contracts, handled in Registry
        Assert.Contains("AddChain", requests);      // Registry, internal
        Assert.Contains("UpsertLink", requests);    // Wallets.Contracts
    }

    [Fact]
    public void The_rule_catches_a_request_handled_twice()
    {
        // NoNetworkInTransactionTests declares a command with two handlers and a query with one.
        var counts = HandlerCounts([typeof(RequestHandlerTests).Assembly]);

        Assert.Equal(2, counts[typeof(NoNetworkInTransactionTests.Fetch)]);
        Assert.Equal(1, counts[typeof(NoNetworkInTransactionTests.Read)]);
    }

    /// <summary>Every request type the assemblies declare, with the number of handlers they hold for it.</summary>
    private static Dictionary<Type, int> HandlerCounts(IReadOnlyList<Assembly> assemblies)
    {
        var types = assemblies.SelectMany(a => a.GetTypes()).Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false }).ToList();
        var counts = types.Where(t => t.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
            .ToDictionary(t => t, _ => 0);
        foreach (var handled in types.SelectMany(t => t.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequestHandler<,>))
            .Select(i => i.GetGenericArguments()[0]))
        {
            counts[handled] = counts.GetValueOrDefault(handled) + 1;
        }

        return counts;
    }
}
