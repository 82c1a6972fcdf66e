using NetArchTest.Rules;

namespace NftMarketplace.ArchitectureTests;

public sealed class LayeringTests
{
    public static TheoryData<string> BuildingBlockNames => [.. Solution.BuildingBlockProjects];

    [Theory]
    [MemberData(nameof(BuildingBlockNames))]
    public void Building_blocks_reference_no_module(string name)
    {
        var assembly = Solution.BuildingBlockAssemblies.Single(a => a.GetName().Name == name);
        var result = Types.InAssembly(assembly)
            .ShouldNot().HaveDependencyOn(Solution.ModulesNamespace)
            .GetResult();

        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
        Assert.DoesNotContain(
            assembly.GetReferencedAssemblies(),
            a => a.Name!.StartsWith(Solution.ModulesNamespace, StringComparison.Ordinal));
    }

    [Fact]
    public void Building_block_projects_reference_no_module()
    {
        foreach (var project in Solution.ProjectFiles("src").Where(p => Solution.BuildingBlockProjects.Contains(Path.GetFileNameWithoutExtension(p))))
        {
            var references = Solution.ProjectReferences(project);
            Assert.DoesNotContain(references, r => r.StartsWith(Solution.ModulesNamespace, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Nothing_references_the_host()
    {
        var host = Solution.Host.GetName().Name;
        foreach (var assembly in Solution.Modules.Concat(Solution.BuildingBlockAssemblies))
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
