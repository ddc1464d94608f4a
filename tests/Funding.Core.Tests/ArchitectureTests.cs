using Funding.Plans;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Funding.Core.Tests;

/// <summary>
/// A rule answers for itself (issue #25): no code outside a rule's own folder (<c>src/Funding.Core/Rules/</c>) tests a
/// rule's type — no <c>is</c>, <c>as</c>, cast, <c>case</c> or switch-expression arm naming a rule type or a part of one
/// (a group's pool). Read from the sources with Roslyn's parser, so a new switch fails the build's tests.
/// </summary>
public class ArchitectureTests
{
    /// <summary>The rule types and their parts: every concrete type deriving from <see cref="ContributionRule"/> or <see cref="KeySharePool"/>.</summary>
    private static readonly HashSet<string> RuleTypeNames = typeof(ContributionRule).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && (t.IsSubclassOf(typeof(ContributionRule)) || t.IsSubclassOf(typeof(KeySharePool))))
        .Select(t => t.Name)
        .ToHashSet(StringComparer.Ordinal);

    [Fact]
    public void NoTypeTestOverRules_ExistsOutsideTheRulesOwnFolder()
    {
        RuleTypeNames.ShouldContain("RateRule");
        RuleTypeNames.ShouldContain("FixedPool");
        string src = Path.Combine(RepositoryRoot(), "src");
        string rules = Path.Combine(src, "Funding.Core", "Rules") + Path.DirectorySeparatorChar;
        var files = Directory.EnumerateFiles(src, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.StartsWith(rules, StringComparison.Ordinal) && !IsBuildOutput(f))
            .ToArray();
        files.Length.ShouldBeGreaterThan(50);

        var found = files.SelectMany(file => TypeTests(File.ReadAllText(file)).Select(line => $"{Path.GetRelativePath(src, file)}:{line}")).ToArray();

        found.ShouldBeEmpty("a type test over rules outside src/Funding.Core/Rules: ask the rule instead (an abstract member of ContributionRule)");
    }

    [Fact]
    public void TheScan_FindsEveryFormOfTypeTest()
    {
        // Each form once, as a planted switch would write it: the scan must see all of them.
        const string planted = """
            class C
            {
                void M(object rule)
                {
                    if (rule is RateRule) { }
                    if (rule is RateRule r) { }
                    if (rule is RateRule { Cap: null }) { }
                    var a = rule as FixedAnnualRule;
                    var b = (KeyShareRule)rule;
                    switch (rule) { case MatchRule m: break; case RemainderRule: break; }
                    var c = rule switch { FixedPool p => 1, FixedTotalRule => 2, _ => 3 };
                    if (rule is not FixedPerYearRule) { }
                    if (rule is RateRule or MatchRule) { }
                }
            }
            """;
        TypeTests(planted).Count().ShouldBe(12);
        TypeTests("class C { void M(object o) { if (o is string s) { } var x = (int)3; } }").ShouldBeEmpty();
    }

    /// <summary>The lines where a type test names a rule type.</summary>
    private static IEnumerable<int> TypeTests(string source)
    {
        var root = CSharpSyntaxTree.ParseText(source).GetRoot();
        foreach (var node in root.DescendantNodes())
        {
            TypeSyntax? tested = node switch
            {
                DeclarationPatternSyntax declaration => declaration.Type,
                TypePatternSyntax type => type.Type,
                RecursivePatternSyntax recursive => recursive.Type,
                ConstantPatternSyntax { Expression: IdentifierNameSyntax or QualifiedNameSyntax } constant => constant.Expression as TypeSyntax,
                BinaryExpressionSyntax binary when binary.IsKind(SyntaxKind.IsExpression) || binary.IsKind(SyntaxKind.AsExpression) => binary.Right as TypeSyntax,
                CastExpressionSyntax cast => cast.Type,
                CaseSwitchLabelSyntax { Value: IdentifierNameSyntax or QualifiedNameSyntax } label => label.Value as TypeSyntax,
                _ => null,
            };
            if (tested is not null && RuleTypeNames.Contains(Name(tested)))
            {
                yield return tested.GetLocation().GetLineSpan().StartLinePosition.Line + 1;
            }
        }
    }

    private static string Name(TypeSyntax type) => type switch
    {
        QualifiedNameSyntax qualified => qualified.Right.Identifier.Text,
        AliasQualifiedNameSyntax alias => alias.Name.Identifier.Text,
        SimpleNameSyntax simple => simple.Identifier.Text,
        NullableTypeSyntax nullable => Name(nullable.ElementType),
        _ => type.ToString(),
    };

    private static bool IsBuildOutput(string path) =>
        path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
        || path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal);

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funding.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Funding.sln not found above the test's folder.");
    }
}
