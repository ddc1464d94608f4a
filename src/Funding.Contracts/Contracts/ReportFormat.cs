using System.ComponentModel;

namespace Funding.Contracts;

/// <summary>The formats of a plan's report (<c>format</c> of POST /v1/plans/report).</summary>
[DefaultValue(Markdown)]
[ChoiceLabel("le format du rapport", "the report's format")]
public enum ReportFormat
{
    /// <summary>text/markdown: the financing table, the explanations, the checks (the default).</summary>
    Markdown,

    /// <summary>text/html: a fragment with the table and its caption, to paste into a word processor.</summary>
    Html,

    /// <summary>text/csv, in the dialect of <c>csv</c>.</summary>
    Csv,

    /// <summary>application/json: the report as data.</summary>
    Json,

    /// <summary>The XLSX workbook, totals as live formulas.</summary>
    Xlsx,

    /// <summary>The DOCX deliberation draft for <c>funderId</c> (a group's id: a zip of one draft per member).</summary>
    Docx,
}

/// <summary>The formats of the execution report (<c>format</c> of POST /v1/plans/execution/report).</summary>
[DefaultValue(Markdown)]
[ChoiceLabel("le format de l'état récapitulatif", "the statement's format")]
public enum ExecutionReportFormat
{
    /// <summary>text/markdown (the default); with <c>funderId</c>, the letter to that funder follows.</summary>
    Markdown,

    /// <summary>text/html.</summary>
    Html,

    /// <summary>text/csv, in the dialect of <c>csv</c>.</summary>
    Csv,

    /// <summary>The XLSX workbook, balances as live formulas.</summary>
    Xlsx,

    /// <summary>The DOCX letter to <c>funderId</c>.</summary>
    Docx,
}

/// <summary>The formats of a sweep's answer (<c>format</c> of POST /v1/plans/sweep).</summary>
[DefaultValue(Json)]
[ChoiceLabel("le format des scénarios", "the scenarios' format")]
public enum SweepFormat
{
    /// <summary>application/json (the default).</summary>
    Json,

    /// <summary>text/csv, streamed as it is computed.</summary>
    Csv,

    /// <summary>The XLSX workbook with a summary of live MIN/MAX formulas.</summary>
    Xlsx,
}

/// <summary>The CSV dialects (<c>csv</c>).</summary>
[DefaultValue(Fr)]
[ChoiceLabel("le dialecte CSV", "the CSV dialect")]
public enum CsvChoice
{
    /// <summary>';', decimal comma and a byte order mark, for French spreadsheets (the default).</summary>
    Fr,

    /// <summary>',' and decimal point.</summary>
    Rfc4180,
}
