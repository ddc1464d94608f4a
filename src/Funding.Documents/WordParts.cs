using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.ExtendedProperties;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Funding.Documents;

/// <summary>
/// The parts every Word document of the project is made of: a styles part (« Titre », « Normal », « Titre 1 »,
/// « Article », « Signature », a table grid), French as the language, a footer with « Page n sur m », document
/// properties, and tables with their grid. Valid under the Open XML SDK's validator; the same input gives the same bytes.
/// </summary>
internal static class WordParts
{
    /// <summary>The paragraph styles, by id.</summary>
    internal const string TitleStyle = "Titre";
    internal const string SubtitleStyle = "SousTitre";
    internal const string HeadingStyle = "Titre1";
    internal const string ArticleStyle = "Article";
    internal const string ItemStyle = "Alinea";
    internal const string SignatureStyle = "Signature";
    internal const string NoteStyle = "Note";
    internal const string CellStyle = "Cellule";
    private const string TableStyle = "GrilleFunding";

    /// <summary>Writes a one-section A4 document from its body's parts, with its styles, settings, footer and properties.</summary>
    /// <param name="title">The document's title (its properties).</param>
    /// <param name="parts">The body's paragraphs and tables.</param>
    internal static byte[] Document(string title, IEnumerable<OpenXmlElement> parts)
    {
        using var buffer = new MemoryStream();
        using (var document = WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            // Every part under a fixed relationship id (the SDK would draw random ones): the same input, the same bytes.
            var main = document.AddNewPart<MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdDocument");
            var core = document.AddNewPart<CoreFilePropertiesPart>("rIdCore");
            using (var stream = core.GetStream(FileMode.Create))
            {
                CoreProperties(title).Save(stream);
            }
            var styles = main.AddNewPart<StyleDefinitionsPart>("rIdStyles");
            styles.Styles = Styles();
            var settings = main.AddNewPart<DocumentSettingsPart>("rIdSettings");
            settings.Settings = new Settings(
                new DefaultTabStop { Val = 708 },
                new CharacterSpacingControl { Val = CharacterSpacingValues.DoNotCompress },
                new Compatibility(new CompatibilitySetting
                {
                    Name = CompatSettingNameValues.CompatibilityMode,
                    Uri = "http://schemas.microsoft.com/office/word",
                    Val = "15",
                }),
                new ThemeFontLanguages { Val = "fr-FR" });
            var footer = main.AddNewPart<FooterPart>("rIdFooter");
            footer.Footer = new Footer(new Paragraph(
                new ParagraphProperties(new ParagraphStyleId { Val = NoteStyle }, new Justification { Val = JustificationValues.Center }),
                Text("Page "), Field("PAGE", "1"), Text(" sur "), Field("NUMPAGES", "1")));
            var application = document.AddNewPart<ExtendedFilePropertiesPart>("rIdApp");
            application.Properties = new Properties(new Application("Funding"));

            var body = new Body();
            foreach (var part in parts)
            {
                body.Append(part);
            }
            body.Append(new SectionProperties(
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906, Height = 16838 }, // A4
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 },
                new PageNumberType { Start = 1 }));
            main.Document = new Document(body);
        }
        return DeterministicZip.Normalize(buffer.ToArray());
    }

    /// <summary>The document's core properties: its title, its author (Funding) and its language; no date, so that tomorrow's file is today's.</summary>
    private static System.Xml.Linq.XDocument CoreProperties(string title)
    {
        System.Xml.Linq.XNamespace cp = "http://schemas.openxmlformats.org/package/2006/metadata/core-properties";
        System.Xml.Linq.XNamespace dc = "http://purl.org/dc/elements/1.1/";
        return new System.Xml.Linq.XDocument(new System.Xml.Linq.XDeclaration("1.0", "UTF-8", "yes"),
            new System.Xml.Linq.XElement(cp + "coreProperties",
                new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "cp", cp),
                new System.Xml.Linq.XAttribute(System.Xml.Linq.XNamespace.Xmlns + "dc", dc),
                new System.Xml.Linq.XElement(dc + "title", title),
                new System.Xml.Linq.XElement(dc + "creator", "Funding"),
                new System.Xml.Linq.XElement(dc + "language", "fr-FR")));
    }

    /// <summary>A paragraph of a style: <see cref="TitleStyle"/>, <see cref="HeadingStyle"/>, <see cref="ArticleStyle"/>…; null for « Normal ».</summary>
    internal static Paragraph Styled(string? style, string text, bool bold = false)
    {
        var paragraph = new Paragraph();
        if (style is not null)
        {
            paragraph.Append(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        }
        paragraph.Append(bold ? new Run(new RunProperties(new Bold()), TextOf(text)) : new Run(TextOf(text)));
        return paragraph;
    }

    /// <summary>A paragraph with a bold lead-in: « Article 1er — » then the text.</summary>
    internal static Paragraph LeadIn(string style, string lead, string text) => new(
        new ParagraphProperties(new ParagraphStyleId { Val = style }),
        new Run(new RunProperties(new Bold()), TextOf(lead)),
        new Run(TextOf(text)));

    internal static Paragraph Heading(string text) => Styled(HeadingStyle, text);

    internal static Paragraph Paragraph(string text) => Styled(null, text);

    internal static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    /// <summary>A table with its grid: a header row, rows, and a bold total row; amounts (every column but the first) right-aligned.</summary>
    internal static Table Table(string[] header, string[][] rows, string[]? total)
    {
        // The printable width of an A4 page with 2 cm margins, in twentieths of a point, the first column twice the others.
        const int Width = 11906 - 2 * 1134;
        int others = header.Length - 1;
        int first = others == 0 ? Width : Width * 2 / (others + 2);
        int rest = others == 0 ? 0 : (Width - first) / others;
        int[] widths = [first, .. Enumerable.Repeat(rest, others)];
        var table = new Table(
            new TableProperties(
                new TableStyle { Val = TableStyle },
                new TableWidth { Width = Width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableLook { Val = "04A0", FirstRow = true, LastRow = total is not null, FirstColumn = true, LastColumn = false, NoHorizontalBand = false, NoVerticalBand = true }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        table.Append(Row(header, widths, bold: true, header: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, widths, bold: false, header: false));
        }
        if (total is not null)
        {
            table.Append(Row(total, widths, bold: true, header: false));
        }
        return table;
    }

    private static TableRow Row(string[] cells, int[] widths, bool bold, bool header)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }
        for (int i = 0; i < cells.Length; i++)
        {
            var properties = new ParagraphProperties(new ParagraphStyleId { Val = CellStyle });
            if (i > 0)
            {
                properties.Append(new Justification { Val = JustificationValues.Right });
            }
            var run = bold ? new Run(new RunProperties(new Bold()), TextOf(cells[i])) : new Run(TextOf(cells[i]));
            row.Append(new TableCell(
                new TableCellProperties(new TableCellWidth { Width = widths[i].ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }),
                new Paragraph(properties, run)));
        }
        return row;
    }

    private static Text TextOf(string text) => new(text) { Space = SpaceProcessingModeValues.Preserve };

    private static Run Text(string text) => new(TextOf(text));

    /// <summary>A field (PAGE, NUMPAGES) with its last known value, which a word processor updates.</summary>
    private static SimpleField Field(string instruction, string shown) =>
        new(new Run(new RunProperties(new NoProof()), TextOf(shown))) { Instruction = $" {instruction} " };

    private static Styles Styles()
    {
        var styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Arial", HighAnsi = "Arial", EastAsia = "Arial", ComplexScript = "Arial" },
                    new FontSize { Val = "22" },
                    new FontSizeComplexScript { Val = "22" },
                    new Languages { Val = "fr-FR", EastAsia = "fr-FR", Bidi = "ar-SA" })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                    new SpacingBetweenLines { After = "120", Line = "264", LineRule = LineSpacingRuleValues.Auto }))));
        styles.Append(ParagraphStyle("Normal", "Normal", null, isDefault: true));
        styles.Append(ParagraphStyle(TitleStyle, "Titre", "Normal",
            paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "0", After = "240" }, new Justification { Val = JustificationValues.Center }],
            run: [new Bold(), new FontSize { Val = "32" }, new FontSizeComplexScript { Val = "32" }]));
        styles.Append(ParagraphStyle(SubtitleStyle, "Sous-titre", "Normal",
            paragraph: [new SpacingBetweenLines { After = "60" }, new Justification { Val = JustificationValues.Center }],
            run: [new Bold(), new FontSize { Val = "24" }, new FontSizeComplexScript { Val = "24" }]));
        styles.Append(ParagraphStyle(HeadingStyle, "Titre 1", "Normal",
            paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" }, new OutlineLevel { Val = 0 }],
            run: [new Bold(), new FontSize { Val = "26" }, new FontSizeComplexScript { Val = "26" }]));
        styles.Append(ParagraphStyle(ArticleStyle, "Article", "Normal",
            paragraph: [new SpacingBetweenLines { Before = "120", After = "120" }, new Justification { Val = JustificationValues.Both }]));
        styles.Append(ParagraphStyle(ItemStyle, "Alinéa", "Normal",
            paragraph: [new SpacingBetweenLines { After = "60" }, new Indentation { Left = "567" }]));
        styles.Append(ParagraphStyle(SignatureStyle, "Signature", "Normal",
            paragraph: [new KeepNext(), new SpacingBetweenLines { Before = "240" }, new Indentation { Left = "5103" }]));
        styles.Append(ParagraphStyle(NoteStyle, "Note", "Normal",
            run: [new Italic(), new FontSize { Val = "18" }, new FontSizeComplexScript { Val = "18" }]));
        styles.Append(ParagraphStyle(CellStyle, "Cellule", "Normal",
            paragraph: [new SpacingBetweenLines { Before = "20", After = "20" }],
            run: [new FontSize { Val = "20" }, new FontSizeComplexScript { Val = "20" }]));
        styles.Append(new Style(
            new StyleName { Val = "Grille Funding" },
            new UIPriority { Val = 59 },
            new StyleTableProperties(
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Space = 0, Color = "808080" }),
                new TableCellMarginDefault(
                    new TopMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 85, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "0", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 85, Type = TableWidthValues.Dxa })))
        {
            Type = StyleValues.Table,
            StyleId = TableStyle,
        });
        return styles;
    }

    private static Style ParagraphStyle(string id, string name, string? basedOn, bool isDefault = false,
        OpenXmlElement[]? paragraph = null, OpenXmlElement[]? run = null)
    {
        var style = new Style { Type = StyleValues.Paragraph, StyleId = id };
        if (isDefault)
        {
            style.Default = true;
        }
        style.Append(new StyleName { Val = name });
        if (basedOn is not null)
        {
            style.Append(new BasedOn { Val = basedOn });
        }
        style.Append(new PrimaryStyle());
        if (paragraph is { Length: > 0 })
        {
            style.Append(new StyleParagraphProperties(paragraph));
        }
        if (run is { Length: > 0 })
        {
            style.Append(new StyleRunProperties(run));
        }
        return style;
    }
}
