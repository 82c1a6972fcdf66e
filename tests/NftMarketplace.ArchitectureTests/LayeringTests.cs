using NetArchTest.Rules;

namespace NftMarketplace.ArchitectureTests;

public sealed class LayeringTests
{
    [Fact]
    public void Building_blocks_reference_no_module()
    {
        var result = Types.InAssembly(Solution.BuildingBlocks)
            .ShouldNot().HaveDependencyOn(Solution.ModulesNamespace)
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        Assert.DoesNotContain(
            Solution.BuildingBlocks.GetReferencedAssemblies(),
            a => a.Name!.StartsWith(Solution.ModulesNamespace, StringComparison.Ordinal));
    }

    [Fact]
    public void Building_blocks_project_references_no_module()
    {
        var references = Solution.ProjectReferences(Path.Combine(Solution.Root, "src/BuildingBlocks/NftMarketplace.BuildingBlocks.csproj"));
        Assert.DoesNotContain(references, r => r.StartsWith(Solution.ModulesNamespace, StringComparison.Ordinal));
    }

    [Fact]
    public void Nothing_references_the_host()
    {
        var host = Solution.Host.GetName().Name;
        foreach (var assembly in Solution.Modules.Append(Solution.BuildingBlocks))
        {
            Assert.DoesNotContain(assembly.GetReferencedAssemblies(), a => a.Name == host);
        }

        var projects = Solution.ProjectFiles("src").Concat(Solution.ProjectFiles("ServiceDefaults"))
            .Where(p => Path.GetFileNameWithoutExtension(p) != host);
        foreach (var project in projects)
        {
            Assert.DoesNotContain(host, Solution.ProjectReferences(project));
        }
    }
}
