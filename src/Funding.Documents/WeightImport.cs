using System.Data;
using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ExcelDataReader;

namespace Funding.Documents;

/// <summary>The file formats member weights are imported from.</summary>
public enum WeightFileFormat
{
    /// <summary>
    /// CSV: ';', ',' or tab separated (guessed from the header row), UTF-8 with or without a byte order mark, or
    /// Windows-1252 when its bytes are not UTF-8 (a French spreadsheet's « CSV (séparateur : point-virgule) »).
    /// </summary>
    Csv,

    /// <summary>XLSX: the first sheet.</summary>
    Xlsx,
}

/// <summary>One member read from a file: its name and its weight.</summary>
/// <param name="Row">The row in the file (1 is the header row).</param>
/// <param name="Name">The member's name.</param>
/// <param name="Weight">The weight, exactly as written (French or international decimals).</param>
public sealed record ImportedMember(int Row, string Name, decimal Weight);

/// <summary>A problem of an imported file, located by row and column as a spreadsheet shows them.</summary>
/// <param name="Row">The row (1 is the header row); 0 for the file as a whole.</param>
/// <param name="Column">The column's header, or null for the file as a whole.</param>
/// <param name="Problem">What is wrong.</param>
public sealed record ImportProblem(int Row, string? Column, FundingMessage Problem);

/// <summary>What an import found: the columns of the file, the members read, and every problem.</summary>
/// <param name="Columns">The header row's columns, in order (to choose the name and weight columns from).</param>
/// <param name="Members">The members, in file order (empty when no columns were chosen or a problem was found).</param>
/// <param name="Problems">Every problem, in file order (at most 50).</param>
public sealed record WeightImportResult(IReadOnlyList<string> Columns, IReadOnlyList<ImportedMember> Members, IReadOnlyList<ImportProblem> Problems);

/// <summary>
/// Reads member weights from a CSV or XLSX table — INSEE's population table, a fiscal potential export — choosing the
/// name and weight columns by their header. French decimals (« 102 574 », « 1 234,5 ») and international ones
/// (« 1234.5 ») are read exactly; anything else is refused with its row and column, never guessed.
/// </summary>
public static class WeightImport
{
    /// <summary>The most rows read: beyond, the file is refused.</summary>
    public const int MaxRows = 100_000;

    private const int MaxProblems = 50;

    // ExcelDataReader asks for the Windows code pages of older files; .NET has them, once registered.
    static WeightImport() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads <paramref name="file"/>; without column names, only the columns are returned.</summary>
    /// <param name="file">The file's bytes.</param>
    /// <param name="format">CSV or XLSX.</param>
    /// <param name="nameColumn">The header of the names column (case and accents as in the file, surrounding spaces ignored).</param>
    /// <param name="weightColumn">The header of the weights column.</param>
    /// <returns>The columns, the members and the problems.</returns>
    public static WeightImportResult Read(ReadOnlyMemory<byte> file, WeightFileFormat format, string? nameColumn = null, string? weightColumn = null)
    {
        List<string[]> rows;
        try
        {
            rows = format == WeightFileFormat.Csv ? ReadCsv(file) : ReadXlsx(file);
        }
        catch (Exception e) when (e is CsvHelperException or IOException or InvalidDataException or ExcelDataReader.Exceptions.ExcelReaderException or FormatException)
        {
            return new([], [], [new ImportProblem(0, null, new FundingMessage(ErrorCodes.FileUnreadable,
                format == WeightFileFormat.Csv ? "Le fichier n'a pas pu être lu comme un CSV." : "Le fichier n'a pas pu être lu comme un classeur XLSX.",
                format == WeightFileFormat.Csv ? "The file could not be read as CSV." : "The file could not be read as an XLSX workbook."))]);
        }
        if (rows.Count == 0)
        {
            return new([], [], [new ImportProblem(0, null, new FundingMessage(ErrorCodes.Missing,
                "Le fichier est vide : il faut une ligne d'en-tête puis une ligne par membre.",
                "The file is empty: it needs a header row, then one row per member."))]);
        }
        if (rows.Count > MaxRows + 1)
        {
            return new([], [], [new ImportProblem(0, null, new FundingMessage(ErrorCodes.TooMany,
                $"Le fichier compte {rows.Count - 1} lignes, au-delà de la limite de {MaxRows}.",
                $"The file has {rows.Count - 1} rows, beyond the limit of {MaxRows}."))]);
        }
        string[] columns = rows[0].Select(c => c.Trim()).ToArray();
        if (nameColumn is null || weightColumn is null)
        {
            return new(columns, [], []);
        }
        var problems = new List<ImportProblem>();
        int name = Find(columns, nameColumn, problems);
        int weight = Find(columns, weightColumn, problems);
        if (problems.Count > 0)
        {
            return new(columns, [], problems);
        }
        var members = new List<ImportedMember>();
        for (int r = 1; r < rows.Count && problems.Count < MaxProblems; r++)
        {
            var row = rows[r];
            if (row.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }
            string memberName = name < row.Length ? row[name].Trim() : "";
            string weightText = weight < row.Length ? row[weight] : "";
            if (memberName.Length == 0)
            {
                problems.Add(new ImportProblem(r + 1, columns[name], new FundingMessage(ErrorCodes.TextEmpty,
                    $"Ligne {r + 1}, colonne « {columns[name]} » : le nom est vide.",
                    $"Row {r + 1}, column '{columns[name]}': the name is empty.")));
            }
            if (!TryParseWeight(weightText, out decimal value))
            {
                string shown = weightText.Trim().Length == 0 ? "vide" : $"« {Truncate(weightText.Trim())} » n'est pas un nombre";
                string shownEn = weightText.Trim().Length == 0 ? "empty" : $"'{Truncate(weightText.Trim())}' is not a number";
                problems.Add(new ImportProblem(r + 1, columns[weight], new FundingMessage(ErrorCodes.WeightMissing,
                    $"Ligne {r + 1}, colonne « {columns[weight]} » : poids {(weightText.Trim().Length == 0 ? "manquant" : shown)}.",
                    $"Row {r + 1}, column '{columns[weight]}': weight {(weightText.Trim().Length == 0 ? "missing" : shownEn)}.")));
            }
            else if (value < 0m)
            {
                problems.Add(new ImportProblem(r + 1, columns[weight], new FundingMessage(ErrorCodes.WeightOutOfRange,
                    $"Ligne {r + 1}, colonne « {columns[weight]} » : le poids « {weightText.Trim()} » est négatif.",
                    $"Row {r + 1}, column '{columns[weight]}': the weight {weightText.Trim()} is negative.")));
            }
            else if (memberName.Length > 0)
            {
                members.Add(new ImportedMember(r + 1, memberName, value));
            }
        }
        return problems.Count > 0 ? new(columns, [], problems) : new(columns, members, []);
    }

    /// <summary>
    /// A weight as a French or international spreadsheet writes it: digits grouped by ordinary, narrow or no-break spaces
    /// (or not grouped), one decimal separator — a comma, or a point when nothing is grouped. « 1.234,5 » and « 1,234.5 »
    /// are ambiguous and refused; so are exponents and signs other than a leading minus.
    /// </summary>
    public static bool TryParseWeight(string text, out decimal value)
    {
        value = 0m;
        string trimmed = text.Trim().Replace('\u00A0', ' ').Replace('\u202F', ' ');
        if (trimmed.Length == 0 || trimmed.Length > 60)
        {
            return false;
        }
        bool negative = trimmed[0] == '-';
        string digits = negative ? trimmed[1..] : trimmed;
        bool grouped = digits.Contains(' ', StringComparison.Ordinal);
        int commas = digits.Count(c => c == ','), points = digits.Count(c => c == '.');
        if (commas + points > 1 || (grouped && points > 0))
        {
            return false;
        }
        string[] parts = digits.Split(',', '.');
        string integer = parts[0];
        if (grouped)
        {
            string[] groups = integer.Split(' ');
            if (groups[0].Length is 0 or > 3 || groups.Skip(1).Any(g => g.Length != 3))
            {
                return false;
            }
            integer = string.Concat(groups);
        }
        if (integer.Length == 0 || !integer.All(char.IsAsciiDigit) || (parts.Length == 2 && (parts[1].Length == 0 || !parts[1].All(char.IsAsciiDigit))))
        {
            return false;
        }
        string canonical = (negative ? "-" : "") + integer + (parts.Length == 2 ? "." + parts[1] : "");
        return decimal.TryParse(canonical, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out value);
    }

    private static int Find(string[] columns, string wanted, List<ImportProblem> problems)
    {
        int index = Array.FindIndex(columns, c => string.Equals(c, wanted.Trim(), StringComparison.OrdinalIgnoreCase));
        if (index < 0)
        {
            problems.Add(new ImportProblem(1, wanted, new FundingMessage(ErrorCodes.ValueNotAllowed,
                $"La colonne « {Truncate(wanted)} » n'existe pas : les colonnes sont {string.Join(", ", columns.Select(c => $"« {c} »"))}.",
                $"There is no column '{Truncate(wanted)}': the columns are {string.Join(", ", columns.Select(c => $"'{c}'"))}.")));
        }
        return index;
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>
    /// A CSV file's text: UTF-8 when its bytes are UTF-8, otherwise Windows-1252 — what a French spreadsheet writes for
    /// « CSV (séparateur : point-virgule) ». Text with accents in Windows-1252 is practically never valid UTF-8.
    /// </summary>
    internal static string CsvText(ReadOnlySpan<byte> file)
    {
        try
        {
            return StrictUtf8.GetString(file).TrimStart('\uFEFF');
        }
        catch (DecoderFallbackException)
        {
            return Encoding.GetEncoding(1252).GetString(file);
        }
    }

    private static List<string[]> ReadCsv(ReadOnlyMemory<byte> file)
    {
        string text = CsvText(file.Span);
        string header = text.Split('\n', 2)[0];
        string delimiter = header.Contains('\t', StringComparison.Ordinal) ? "\t" : header.Contains(';', StringComparison.Ordinal) ? ";" : ",";
        using var reader = new StringReader(text);
        using var csv = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = delimiter, BadDataFound = null });
        var rows = new List<string[]>();
        while (csv.Read() && rows.Count <= MaxRows + 1)
        {
            rows.Add(csv.Record ?? []);
        }
        return rows;
    }

    private static List<string[]> ReadXlsx(ReadOnlyMemory<byte> file)
    {
        using var stream = new MemoryStream(file.ToArray(), writable: false);
        using var reader = ExcelReaderFactory.CreateOpenXmlReader(stream);
        var rows = new List<string[]>();
        while (reader.Read() && rows.Count <= MaxRows + 1)
        {
            var row = new string[reader.FieldCount];
            for (int c = 0; c < row.Length; c++)
            {
                row[c] = reader.GetValue(c) switch
                {
                    null => "",
                    double d => ((decimal)d).ToString(CultureInfo.InvariantCulture),
                    DateTime date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                    var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
                };
            }
            rows.Add(row);
        }
        return rows;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
