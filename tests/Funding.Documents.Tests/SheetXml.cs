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
    /// The formulas the workbook uses, evaluated in exact decimals by the test's own small parser: numbers and cell
    /// references, + − × ÷ and parentheses, SUM over a range, MIN, MAX, ROUND (half away from zero) and IF(a=b,x,y). Any
    /// other formula fails the test: the evaluator must understand every formula it is asked to check.
    /// </summary>
    public decimal EvaluateFormula(string formula)
    {
        var parser = new FormulaParser(formula.Replace("$", "", StringComparison.Ordinal), this);
        decimal value = parser.Expression();
        return parser.AtEnd ? value : throw new InvalidOperationException($"Formula not understood by the test's evaluator: {formula}");
    }

    private sealed class FormulaParser(string text, SheetXml sheet)
    {
        private int _at;

        public bool AtEnd => _at == text.Length;

        public decimal Expression()
        {
            decimal value = Term();
            while (!AtEnd && text[_at] is '+' or '-')
            {
                char op = text[_at++];
                decimal right = Term();
                value = op == '+' ? value + right : value - right;
            }
            return value;
        }

        private decimal Term()
        {
            decimal value = Factor();
            while (!AtEnd && text[_at] is '*' or '/')
            {
                char op = text[_at++];
                decimal right = Factor();
                value = op == '*' ? value * right : value / right;
            }
            return value;
        }

        private decimal Factor()
        {
            if (text[_at] == '-')
            {
                _at++;
                return -Factor();
            }
            if (text[_at] == '(')
            {
                _at++;
                decimal inner = Expression();
                Expect(')');
                return inner;
            }
            if (char.IsAsciiDigit(text[_at]))
            {
                int start = _at;
                while (!AtEnd && (char.IsAsciiDigit(text[_at]) || text[_at] == '.'))
                {
                    _at++;
                }
                return decimal.Parse(text[start.._at], CultureInfo.InvariantCulture);
            }
            int nameStart = _at;
            while (!AtEnd && char.IsAsciiLetterUpper(text[_at]))
            {
                _at++;
            }
            string name = text[nameStart.._at];
            if (!AtEnd && text[_at] == '(')
            {
                _at++;
                return Function(name);
            }
            int rowStart = _at;
            while (!AtEnd && char.IsAsciiDigit(text[_at]))
            {
                _at++;
            }
            if (name.Length == 0 || rowStart == _at)
            {
                throw new InvalidOperationException($"Formula not understood by the test's evaluator: {text}");
            }
            return sheet.Evaluate(name + text[rowStart.._at]);
        }

        private decimal Function(string name)
        {
            if (name == "SUM")
            {
                string range = text[_at..text.IndexOf(')', _at)];
                _at += range.Length + 1;
                var ends = range.Split(':');
                return Range(ends[0], ends[1]).Sum(sheet.Evaluate);
            }
            if (name == "IF")
            {
                decimal left = Expression();
                Expect('=');
                decimal right = Expression();
                Expect(',');
                decimal then = Expression();
                Expect(',');
                decimal otherwise = Expression();
                Expect(')');
                return left == right ? then : otherwise;
            }
            var arguments = new List<decimal> { Expression() };
            while (text[_at] == ',')
            {
                _at++;
                arguments.Add(Expression());
            }
            Expect(')');
            return name switch
            {
                "MIN" => arguments.Min(),
                "MAX" => arguments.Max(),
                "ROUND" => Math.Round(arguments[0], (int)arguments[1], MidpointRounding.AwayFromZero),
                _ => throw new InvalidOperationException($"Function {name} not understood by the test's evaluator: {text}"),
            };
        }

        private void Expect(char c)
        {
            if (AtEnd || text[_at] != c)
            {
                throw new InvalidOperationException($"Formula not understood by the test's evaluator: {text}");
            }
            _at++;
        }
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
}
