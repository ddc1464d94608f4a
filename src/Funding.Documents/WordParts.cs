using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Wordprocessing;

namespace Funding.Documents;

/// <summary>The paragraphs and tables the Word documents are made of: one look for the deliberation drafts and the letters.</summary>
internal static class WordParts
{
    /// <summary>Writes a one-section A4 document from its body's parts, with the same bytes every time.</summary>
    internal static byte[] Document(IEnumerable<OpenXmlElement> parts)
    {
        using var buffer = new MemoryStream();
        using (var document = DocumentFormat.OpenXml.Packaging.WordprocessingDocument.Create(buffer, WordprocessingDocumentType.Document))
        {
            var main = document.AddNewPart<DocumentFormat.OpenXml.Packaging.MainDocumentPart>("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml", "rIdDocument");
            var body = new Body();
            main.Document = new Document(body);
            foreach (var part in parts)
            {
                body.Append(part);
            }
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 }, // A4
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134, Right = 1134, Header = 567, Footer = 567, Gutter = 0 }));
        }
        return DeterministicZip.Normalize(buffer.ToArray());
    }

    internal static Paragraph Heading(string text) => Paragraph(text, bold: true, size: 26, spaceBefore: 240);

    internal static Paragraph Paragraph(string text, bool bold = false, bool italic = false, int size = 22, bool center = false, int spaceBefore = 0)
    {
        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold());
        }
        if (italic)
        {
            runProperties.Append(new Italic());
        }
        runProperties.Append(new FontSize { Val = size.ToString(CultureInfo.InvariantCulture) });
        var paragraphProperties = new ParagraphProperties(new SpacingBetweenLines { Before = spaceBefore.ToString(CultureInfo.InvariantCulture), After = "120" });
        if (center)
        {
            paragraphProperties.Append(new Justification { Val = JustificationValues.Center });
        }
        return new Paragraph(paragraphProperties, new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
    }

    internal static Table Table(string[] header, string[][] rows, string[]? total)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Width = "5000", Type = TableWidthUnitValues.Pct },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 },
                new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(header, bold: true));
        foreach (var row in rows)
        {
            table.Append(Row(row, bold: false));
        }
        if (total is not null)
        {
            table.Append(Row(total, bold: true));
        }
        return table;
    }

    internal static TableRow Row(string[] cells, bool bold)
    {
        var row = new TableRow();
        for (int i = 0; i < cells.Length; i++)
        {
            var paragraph = Paragraph(cells[i], bold: bold);
            if (i > 0)
            {
                paragraph.ParagraphProperties!.Append(new Justification { Val = JustificationValues.Right });
            }
            row.Append(new TableCell(paragraph));
        }
        return row;
    }
}
