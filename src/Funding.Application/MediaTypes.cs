using Funding.Contracts;
using Funding.Documents;

namespace Funding.Application;

/// <summary>The media type of every format the use cases write, and the format a media type asks for.</summary>
internal static class MediaTypes
{
    public const string Markdown = "text/markdown; charset=utf-8";
    public const string Html = "text/html; charset=utf-8";
    public const string Csv = "text/csv; charset=utf-8; header=present";
    public const string Json = "application/json";

    /// <summary>The format of a bare media type (no parameters), or null when none is written in it.</summary>
    public static ReportFormat? ReportFormatOf(string mediaType) => mediaType.ToLowerInvariant() switch
    {
        "text/markdown" => ReportFormat.Markdown,
        "text/html" => ReportFormat.Html,
        "text/csv" => ReportFormat.Csv,
        "application/json" => ReportFormat.Json,
        PlanWorkbook.ContentType => ReportFormat.Xlsx,
        DeliberationDocument.ContentType => ReportFormat.Docx,
        _ => null,
    };

    /// <summary>The CSV dialect of the report writers.</summary>
    public static Reports.CsvDialect Dialect(CsvChoice choice) => choice == CsvChoice.Rfc4180 ? Reports.CsvDialect.Rfc4180 : Reports.CsvDialect.French;
}
