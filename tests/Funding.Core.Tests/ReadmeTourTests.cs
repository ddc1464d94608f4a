using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Funding.Core.Tests;

/// <summary>The README's C# tour compiles as pasted into a program that references Funding.Core.</summary>
public partial class ReadmeTourTests
{
    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funding.sln")))
        {
            directory = directory.Parent;
        }
        return directory!.FullName;
    }

    [Fact]
    public void TheTourCode_CompilesAsPasted()
    {
        string readme = File.ReadAllText(Path.Combine(RepositoryRoot(), "README.md"));
        var blocks = CSharpBlock().Matches(readme).Select(m => m.Groups["code"].Value).ToArray();
        blocks.ShouldNotBeEmpty("the README has a C# tour");

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Append(typeof(Money).Assembly.Location)
            .Append(typeof(NodaTime.LocalDate).Assembly.Location)
            .Distinct()
            .Select(path => MetadataReference.CreateFromFile(path));
        foreach (string code in blocks)
        {
            var compilation = CSharpCompilation.Create("ReadmeTour",
                [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Preview)), CSharpSyntaxTree.ParseText(ImplicitUsings, new CSharpParseOptions(LanguageVersion.Preview))],
                references,
                new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
            var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
            errors.ShouldBeEmpty(code);
        }
    }

    /// <summary>What <c>dotnet new console</c> (ImplicitUsings enabled) adds to every file: the tour is pasted into such a project.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    [GeneratedRegex(@"```csharp\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
