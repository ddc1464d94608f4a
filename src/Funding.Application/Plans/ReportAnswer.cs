using Funding.Contracts;

namespace Funding.Application.Plans;

/// <summary>A report: a document, or (format=json) the report as data.</summary>
/// <param name="File">The document, for every format but JSON.</param>
/// <param name="Json">The report as data, for JSON.</param>
internal sealed record ReportAnswer(FileAnswer? File, ReportResponse? Json)
{
    public static ReportAnswer Of(FileAnswer file) => new(file, null);
}
