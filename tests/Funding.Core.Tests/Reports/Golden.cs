namespace Funding.Core.Tests.Reports;

/// <summary>
/// Golden files: the expected output is committed (in docs/reports, where people read it) and compared byte for byte.
/// After a deliberate change, regenerate with <c>UPDATE_GOLDEN=1 dotnet test --filter Golden</c> and review the diff.
/// </summary>
public static class Golden
{
    public static void Matches(string actual, string fileName)
    {
        string path = Path.Combine(RepositoryRoot(), "docs", "reports", fileName);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(path, actual, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        }
        File.Exists(path).ShouldBeTrue($"{fileName} is missing: run UPDATE_GOLDEN=1 dotnet test --filter Golden");
        // Read the bytes as they are: File.ReadAllText would swallow the byte order mark the French CSV must start with.
        string expected = System.Text.Encoding.UTF8.GetString(File.ReadAllBytes(path));
        if (expected != actual)
        {
            var expectedLines = expected.Split('\n');
            var actualLines = actual.Split('\n');
            int line = Enumerable.Range(0, Math.Min(expectedLines.Length, actualLines.Length)).FirstOrDefault(i => expectedLines[i] != actualLines[i]);
            throw new ShouldAssertException(
                $"docs/reports/{fileName} differs from the output (first difference at line {line + 1}):\n" +
                $"  golden: {expectedLines.ElementAtOrDefault(line)}\n  actual: {actualLines.ElementAtOrDefault(line)}\n" +
                "If the change is intended: UPDATE_GOLDEN=1 dotnet test --filter Golden, then review the diff.");
        }
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Funding.sln")))
        {
            directory = directory.Parent;
        }
        return directory?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (Funding.sln).");
    }
}
