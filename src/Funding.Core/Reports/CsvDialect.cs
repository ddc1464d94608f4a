namespace Funding.Reports;

/// <summary>The conventions of a CSV file.</summary>
public enum CsvDialect
{
    /// <summary>
    /// For a French spreadsheet: <c>;</c> between fields, decimal comma, UTF-8 with a byte order mark (so that the
    /// spreadsheet reads the accents), CRLF line endings, French headers.
    /// </summary>
    French,

    /// <summary>Plain RFC 4180: <c>,</c> between fields, decimal point, UTF-8 without byte order mark, CRLF, ASCII headers.</summary>
    Rfc4180,
}
