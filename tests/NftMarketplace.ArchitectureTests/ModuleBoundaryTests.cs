using NetArchTest.Rules;

namespace NftMarketplace.ArchitectureTests;

public sealed class ModuleBoundaryTests
{
    public static TheoryData<string> ModuleNames => [.. Solution.Modules.Select(m => m.GetName().Name!)];

    [Fact]
    public void Every_module_of_the_design_is_composed_by_the_host()
    {
        string[] expected = ["Auth", "Catalog", "Indexing", "Media", "Orchestration", "Registry", "Users", "Wallets"];
        var composed = Solution.Modules.Select(m => m.GetName().Name!).Where(n => !Solution.IsPublicProject(n));
        Assert.Equal(expected.Select(e => $"{Solution.ModulesNamespace}.{e}"), composed);
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void A_module_assembly_references_only_other_modules_public_projects(string moduleName)
    {
        var module = Solution.Modules.Single(m => m.GetName().Name == moduleName);
        var offending = module.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => name.StartsWith(Solution.ModulesNamespace + ".", StringComparison.Ordinal)
                && !Solution.IsPublicProject(name)
                && name != moduleName);

        Assert.Empty(offending);
    }

    [Fact]
    public void A_module_project_declares_references_only_to_building_blocks_and_public_projects()
    {
        foreach (var project in Solution.ProjectFiles("src/Modules"))
        {
            var self = Path.GetFileNameWithoutExtension(project);
            var offending = Solution.ProjectReferences(project)
                .Where(reference => !Solution.BuildingBlockProjects.Contains(reference)
                    && !Solution.IsPublicProject(reference)
                    && reference != self.Replace(Solution.PublicProjectSuffix, "", StringComparison.Ordinal));
            Assert.True(!offending.Any(), $"{self} references {string.Join(", ", offending)}");
        }
    }

    [Fact]
    public void A_public_project_references_no_module_implementation()
    {
        foreach (var project in Solution.ProjectFiles("src/Modules").Where(p => Solution.IsPublicProject(Path.GetFileNameWithoutExtension(p))))
        {
            var offending = Solution.ProjectReferences(project)
                .Where(r => r.StartsWith(Solution.ModulesNamespace, StringComparison.Ordinal) && !Solution.IsPublicProject(r));
            Assert.Empty(offending);
        }
    }

    [Theory]
    [MemberData(nameof(ModuleNames))]
    public void Module_types_do_not_use_other_modules_internals(string moduleName)
    {
        var module = Solution.Modules.Single(m => m.GetName().Name == moduleName);
        var others = Solution.Modules
            .Select(m => m.GetName().Name!)
            .Where(n => n != moduleName && !Solution.IsPublicProject(n))
            .ToArray();

        var result = Types.InAssembly(module).ShouldNot().HaveDependencyOnAny(others).GetResult();

        Assert.True(result.IsSuccessful, $"{moduleName} uses {string.Join(", ", result.FailingTypeNames ?? [])}");
    }
}
