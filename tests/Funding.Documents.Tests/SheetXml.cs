using System.Globalization;
using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace Funding.Documents.Tests;

/// <summary>
/// Reads an XLSX file's sheets from its raw XML — the zip and the SpreadsheetML, not the library that wrote it — with
/// every cell's formula and its value as exact decimals, and evaluates the workbook's formulas independently.
/// </summary>
internal sealed partial class SheetXml
{
    private static readonly XNamespace Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static readonly XNamespace Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    private static readonly XNamespace PackageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships";

    public required string Name { get; init; }

    public required XDocument Xml { get; init; }

    /// <summary>Cell reference → (formula or null, value as written in the file or null, inline text or null).</summary>
    public required Dictionary<string, (string? Formula, decimal? Value, string? Text)> Cells { get; init; }

    public static (List<SheetXml> Sheets, XDocument Workbook) Read(byte[] xlsx)
    {
        using var zip = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        XDocument Load(string path)
        {
            using var stream = zip.GetEntry(path)!.Open();
            return XDocument.Load(stream);
        }
        var workbook = Load("xl/workbook.xml");
        var rels = Load("xl/_rels/workbook.xml.rels").Root!.Elements(PackageRelationships + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var sheets = new List<SheetXml>();
        foreach (var sheet in workbook.Root!.Element(Main + "sheets")!.Elements(Main + "sheet"))
        {
            string target = rels[(string)sheet.Attribute(Relationships + "id")!].TrimStart('/');
            var xml = Load(target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target);
            var cells = xml.Descendants(Main + "c").ToDictionary(
                c => (string)c.Attribute("r")!,
                c => ((string?)c.Element(Main + "f"),
                    c.Element(Main + "v") is { } v ? decimal.Parse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture) : (decimal?)null,
                    c.Element(Main + "is")?.Value));
            sheets.Add(new SheetXml { Name = (string)sheet.Attribute("name")!, Xml = xml, Cells = cells });
        }
        return (sheets, workbook);
    }

    /// <summary>The value of a cell, computing its formula from the other cells when it has one.</summary>
    public decimal Evaluate(string reference)
    {
        if (!Cells.TryGetValue(reference, out var cell))
        {
            return 0m;
        }
        return cell.Formula is { } formula ? EvaluateFormula(formula) : cell.Value ?? 0m;
    }

    /// <summary>
    /// The formulas the workbook uses: SUM over a range, + and − of cell references, and IF(X=0,0,A/B) for shares, MAX(±A,0) for what is left to claim or to pay back. Any
    /// other formula fails the test: the evaluator must understand every formula it is asked to check.
    /// </summary>
    public decimal EvaluateFormula(string formula)
    {
        string f = formula.Replace("$", "", StringComparison.Ordinal);
        if (ShareFormula().Match(f) is { Success: true } share)
        {
            decimal whole = Evaluate(share.Groups["whole"].Value);
            return whole == 0m ? 0m : Evaluate(share.Groups["part"].Value) / whole;
        }
        if (MaxFormula().Match(f) is { Success: true } max)
        {
            decimal value = Evaluate(max.Groups["ref"].Value);
            return Math.Max(max.Groups["sign"].Value == "-" ? -value : value, 0m);
        }
        if (SumFormula().Match(f) is { Success: true } sum)
        {
            return Range(sum.Groups["from"].Value, sum.Groups["to"].Value).Sum(Evaluate);
        }
        if (Arithmetic().IsMatch(f))
        {
            decimal total = 0m;
            foreach (Match term in Term().Matches(f))
            {
                decimal value = Evaluate(term.Groups["ref"].Value);
                total += term.Groups["sign"].Value == "-" ? -value : value;
            }
            return total;
        }
        throw new InvalidOperationException($"Formula not understood by the test's evaluator: {formula}");
    }

    private static IEnumerable<string> Range(string from, string to)
    {
        var (c1, r1) = Split(from);
        var (c2, r2) = Split(to);
        for (int c = c1; c <= c2; c++)
        {
            for (int r = r1; r <= r2; r++)
            {
                yield return Column(c) + r.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static (int Column, int Row) Split(string reference)
    {
        int i = 0;
        int column = 0;
        while (char.IsAsciiLetter(reference[i]))
        {
            column = (column * 26) + (reference[i] - 'A' + 1);
            i++;
        }
        return (column, int.Parse(reference[i..], CultureInfo.InvariantCulture));
    }

    private static string Column(int column)
    {
        string name = "";
        for (int n = column; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }
        return name;
    }

    [GeneratedRegex(@"^IF\((?<whole>[A-Z]+\d+)=0,0,(?<part>[A-Z]+\d+)/\k<whole>\)$")]
    private static partial Regex ShareFormula();

    [GeneratedRegex(@"^MAX\((?<sign>-?)(?<ref>[A-Z]+\d+),0\)$")]
    private static partial Regex MaxFormula();

    [GeneratedRegex(@"^SUM\((?<from>[A-Z]+\d+):(?<to>[A-Z]+\d+)\)$")]
    private static partial Regex SumFormula();

    [GeneratedRegex(@"^[A-Z]+\d+([+-][A-Z]+\d+)*$")]
    private static partial Regex Arithmetic();

    [GeneratedRegex(@"(?<sign>[+-]?)(?<ref>[A-Z]+\d+)")]
    private static partial Regex Term();
}
