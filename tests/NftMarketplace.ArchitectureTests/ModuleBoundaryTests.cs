using System.Reflection;
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
        var others = ImplementationAssemblies.Where(m => m != module);

        var result = UsesOf(module, others);

        Assert.True(result.IsSuccessful, $"{moduleName} uses {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Fact]
    public void The_internals_rule_catches_a_use_of_a_module_implementation()
    {
        // The Host composes every module through its implementation's entry point (AddAuthModule(), …),
        // so the same rule applied to it must fail: proof that it sees real uses.
        var result = UsesOf(Solution.Host, ImplementationAssemblies);

        Assert.False(result.IsSuccessful);
        Assert.NotEmpty(result.FailingTypeNames ?? []);
    }

    [Fact]
    public void The_internals_rule_lets_modules_use_other_modules_contracts()
    {
        // Without a module that really uses another module's public project, the rule passing would prove nothing.
        var contractUsers = ImplementationAssemblies.Where(UsesAnotherModulesContracts).ToList();

        Assert.NotEmpty(contractUsers);
        foreach (var module in contractUsers)
        {
            var result = UsesOf(module, ImplementationAssemblies.Where(m => m != module));
            Assert.True(result.IsSuccessful, $"{module.GetName().Name} uses {string.Join(", ", result.FailingTypeNames ?? [])}");
        }
    }

    private static bool UsesAnotherModulesContracts(Assembly module)
    {
        var ownContracts = module.GetName().Name + Solution.PublicProjectSuffix;
        var otherContracts = module.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(n => n.StartsWith(Solution.ModulesNamespace + ".", StringComparison.Ordinal) && Solution.IsPublicProject(n) && n != ownContracts)
            .ToArray();
        return otherContracts.Length > 0 && Types.InAssembly(module).That().HaveDependencyOnAny(otherContracts).GetTypes().Any();
    }

    /// <summary>Module assemblies other than the public <c>.Contracts</c> projects.</summary>
    private static IEnumerable<Assembly> ImplementationAssemblies =>
        Solution.Modules.Where(m => !Solution.IsPublicProject(m.GetName().Name!));

    /// <summary>Types of <paramref name="user"/> that depend on any type of <paramref name="implementations"/>.</summary>
    /// <remarks>
    /// NetArchTest matches dependency names by prefix, so the namespace <c>NftMarketplace.Modules.Wallets</c>
    /// would also match <c>NftMarketplace.Modules.Wallets.Contracts</c>. Matching the full names of the
    /// implementation's own types cannot catch a public project's type.
    /// </remarks>
    private static NetArchTest.Rules.TestResult UsesOf(Assembly user, IEnumerable<Assembly> implementations)
    {
        var typeNames = implementations.SelectMany(ModuleTypeNames).ToArray();
        return Types.InAssembly(user).ShouldNot().HaveDependencyOnAny(typeNames).GetResult();
    }

    /// <summary>
    /// Full names of an implementation assembly's own top-level types; compiler-embedded types
    /// (<c>&lt;PrivateImplementationDetails&gt;</c>, <c>System.Runtime.CompilerServices.*</c>) exist in every assembly and are left out.
    /// </summary>
    private static IEnumerable<string> ModuleTypeNames(Assembly implementation) =>
        implementation.GetTypes()
            .Where(t => !t.IsNested && t.Namespace?.StartsWith(Solution.ModulesNamespace + ".", StringComparison.Ordinal) == true)
            .Select(t => t.FullName!);
}
