using System.Globalization;
using System.Text;
using Funding.Documents.Xlsx;

namespace Funding.Documents.Tests;

public class WeightImportTests
{
    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [Fact]
    public void AFrenchCsv_WithTheColumnsChosenByHeader_IsReadExactly()
    {
        // An extract of INSEE's table: ';' separated, French figures with no-break and narrow spaces, a byte order mark.
        const string csv = "\uFEFFCode;Nom de l'EPCI;Population municipale\n242900314;Brest Métropole;213\u00A0403\n242900553;Morlaix Communauté;65\u202F507\n200067072;Poher Communauté;15 064,5\n";

        var result = WeightImport.Read(Utf8(csv), WeightFileFormat.Csv, "Nom de l'EPCI", "population municipale");

        result.Problems.ShouldBeEmpty();
        result.Columns.ShouldBe(["Code", "Nom de l'EPCI", "Population municipale"]);
        result.Members.Select(m => (m.Row, m.Name, m.Weight)).ShouldBe([(2, "Brest Métropole", 213_403m), (3, "Morlaix Communauté", 65_507m), (4, "Poher Communauté", 15_064.5m)]);
    }

    [Fact]
    public void ASpreadsheetsWindows1252Csv_IsReadWithItsAccents()
    {
        // « CSV (séparateur : point-virgule) » from a French spreadsheet: Windows-1252, CRLF, no byte order mark.
        byte[] file = CodePagesEncodingProvider.Instance.GetEncoding(1252)!
            .GetBytes("Nom de l'EPCI;Population\r\nPleyben-Châteaulin-Porzay;22 863\r\nPresqu'île de Crozon-Aulne maritime;22 603\r\n");
        Should.Throw<DecoderFallbackException>(() => new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(file));

        var result = WeightImport.Read(file, WeightFileFormat.Csv, "Nom de l'EPCI", "Population");

        result.Problems.ShouldBeEmpty();
        result.Members.Select(m => (m.Name, m.Weight)).ShouldBe([("Pleyben-Châteaulin-Porzay", 22_863m), ("Presqu'île de Crozon-Aulne maritime", 22_603m)]);
    }

    [Fact]
    public void BytesThatAreNotText_AreAnsweredWithProblems_NotAnException()
    {
        // What the API's fuzzing sent: « Infinity » as base64, bytes that are not UTF-8 (they once gave a 500).
        byte[] file = Convert.FromBase64String("Infinity");

        var result = WeightImport.Read(file, WeightFileFormat.Csv, "Nom de l'EPCI", "Population municipale");

        result.Members.ShouldBeEmpty();
        result.Problems.ShouldNotBeEmpty();
        result.Problems.ShouldAllBe(p => p.Row == 1);
    }

    [Fact]
    public void WithoutColumns_OnlyTheColumnsAreAnswered()
    {
        var result = WeightImport.Read(Utf8("Nom,Population\nA,1\n"), WeightFileFormat.Csv);

        result.Columns.ShouldBe(["Nom", "Population"]);
        result.Members.ShouldBeEmpty();
    }

    [Fact]
    public void ProblemsNameTheirRowAndColumn_InFrench()
    {
        const string csv = "Nom\tPoids\nBrest\t3\nMorlaix\t\n\t2\nPoher\t1.234,5\nCarhaix\t-4\n";

        var result = WeightImport.Read(Utf8(csv), WeightFileFormat.Csv, "Nom", "Poids");

        result.Members.ShouldBeEmpty();
        result.Problems.Select(p => (p.Row, p.Column, p.Problem.Code)).ShouldBe([
            (3, "Poids", ErrorCodes.WeightMissing),
            (4, "Nom", ErrorCodes.TextEmpty),
            (5, "Poids", ErrorCodes.WeightMissing),
            (6, "Poids", ErrorCodes.WeightOutOfRange),
        ]);
        result.Problems[0].Problem.French.ShouldBe("Ligne 3, colonne « Poids » : poids manquant.");
        result.Problems[2].Problem.French.ShouldBe("Ligne 5, colonne « Poids » : poids « 1.234,5 » n'est pas un nombre.");
    }

    [Fact]
    public void AnUnknownColumn_ListsTheColumns()
    {
        var result = WeightImport.Read(Utf8("Nom;Population\nA;1\n"), WeightFileFormat.Csv, "Nom", "Potentiel fiscal");

        result.Problems.Single().Problem.French.ShouldBe("La colonne « Potentiel fiscal » n'existe pas : les colonnes sont « Nom », « Population ».");
    }

    [Fact]
    public void AnXlsxTable_IsRead_NumbersAndTexts()
    {
        var sheet = new XSheet("Population");
        sheet.Add(XCell.Of("Nom"), XCell.Of("Population"));
        sheet.Add(XCell.Of("Brest Métropole"), XCell.Num(213_403m));
        sheet.Add(XCell.Of("Morlaix Communauté"), XCell.Of("65 507"));
        sheet.Add(XCell.Of("Poher Communauté"), XCell.Num(15_064.25m));
        byte[] xlsx = XlsxBuilder.Build([sheet], "Import");

        var result = WeightImport.Read(xlsx, WeightFileFormat.Xlsx, "Nom", "Population");

        result.Problems.ShouldBeEmpty();
        result.Members.Select(m => m.Weight).ShouldBe([213_403m, 65_507m, 15_064.25m]);
    }

    [Fact]
    public void AFileThatIsNotAWorkbook_IsSaidSo()
    {
        var result = WeightImport.Read(Utf8("Nom;Population\n"), WeightFileFormat.Xlsx, "Nom", "Population");

        result.Problems.Single().Problem.Code.ShouldBe(ErrorCodes.FileUnreadable);
    }

    [Theory]
    [InlineData("1e3")]
    [InlineData("1.234,5")]
    [InlineData("1,234.5")]
    [InlineData("12 34")]
    [InlineData("+5")]
    [InlineData("douze")]
    [InlineData("5,")]
    public void AmbiguousOrForeignFigures_AreRefused(string text) => WeightImport.TryParseWeight(text, out _).ShouldBeFalse();

    /// <summary>Any weight written the French way (grouped by threes, decimal comma) or the plain way reads back exactly.</summary>
    [Property(MaxTest = 500)]
    public bool FrenchAndPlainWritings_ReadBackExactly(PositiveInt integer, byte decimals, bool grouped)
    {
        decimal value = integer.Get + (decimals % 100) / 100m;
        var french = new NumberFormatInfo { NumberGroupSeparator = grouped ? "\u202F" : "", NumberDecimalSeparator = ",", NumberGroupSizes = [3] };
        string text = value.ToString("#,##0.##", french);
        return WeightImport.TryParseWeight(text, out decimal read) && read == value
            && WeightImport.TryParseWeight(value.ToString(CultureInfo.InvariantCulture), out decimal plain) && plain == value;
    }
}
