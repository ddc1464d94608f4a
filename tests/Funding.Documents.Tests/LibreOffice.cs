using System.Diagnostics;
using System.Text;

namespace Funding.Documents.Tests;

/// <summary>
/// LibreOffice without its GUI (Debian's <c>libreoffice-calc-nogui</c> and <c>libreoffice-writer-nogui</c>), an office
/// suite independent of the writer: it recalculates a workbook's formulas on load and converts a Word draft to PDF.
/// The tests that need it are skipped with that reason when it is missing, and fail instead when
/// <c>FUNDING_OFFICE_TESTS=required</c> (CI).
/// </summary>
internal static class LibreOffice
{
    private static readonly Lazy<string?> Executable = new(() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, "soffice")).FirstOrDefault(File.Exists));

    /// <summary>Skips the test when LibreOffice is missing and not required.</summary>
    public static void SkipUnlessInstalled()
    {
        bool required = Environment.GetEnvironmentVariable("FUNDING_OFFICE_TESTS") == "required";
        if (Executable.Value is null && required)
        {
            throw new InvalidOperationException("FUNDING_OFFICE_TESTS=required but soffice is not on the PATH: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui.");
        }
        Skip.If(Executable.Value is null, "LibreOffice (soffice) is not installed: apt-get install libreoffice-calc-nogui libreoffice-writer-nogui, or run .ci/run.");
    }

    /// <summary>The workbook opened, every formula recalculated, and saved again as XLSX.</summary>
    public static byte[] Recalculated(byte[] xlsx) => Convert(xlsx, "xlsx", "xlsx:Calc MS Excel 2007 XML");

    /// <summary>The Word document converted to PDF.</summary>
    public static byte[] Pdf(byte[] docx) => Convert(docx, "docx", "pdf:writer_pdf_Export");

    private static byte[] Convert(byte[] input, string extension, string filter)
    {
        string folder = Directory.CreateTempSubdirectory("funding-office-").FullName;
        try
        {
            // A profile of its own, in which Calc recalculates every formula on load (never trusting the cached values).
            Directory.CreateDirectory(Path.Combine(folder, "profile", "user"));
            File.WriteAllText(Path.Combine(folder, "profile", "user", "registrymodifications.xcu"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
                <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
                </oor:items>
                """, Encoding.UTF8);
            string source = Path.Combine(folder, $"in.{extension}");
            File.WriteAllBytes(source, input);
            string output = Path.Combine(folder, "out");
            var info = new ProcessStartInfo(Executable.Value!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            foreach (string arg in new[] { "--headless", "--norestore", $"-env:UserInstallation=file://{Path.Combine(folder, "profile")}", "--convert-to", filter, "--outdir", output, source })
            {
                info.ArgumentList.Add(arg);
            }
            using var process = Process.Start(info)!;
            string log = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException("LibreOffice took more than two minutes: " + log);
            }
            string result = Directory.GetFiles(output).SingleOrDefault() ?? throw new InvalidOperationException("LibreOffice wrote nothing: " + log);
            return File.ReadAllBytes(result);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
