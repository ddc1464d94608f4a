using Funding.Contracts;
using Funding.Formatting;
using Funding.Reports;

namespace Funding.Contracts.Mapping;

/// <summary>Reports as the JSON contract writes them.</summary>
internal static class ReportMapping
{
    public static ReportResponse ToResponse(PlanReport report) => new()
    {
        CalculationVersion = report.CalculationVersion,
        Title = report.Title,
        Table = new ReportTableOutput
        {
            Years = report.Table.Years,
            Rows = report.Table.Rows.Select(r => Row(r, report.Table.Years)).ToArray(),
            Total = Row(report.Table.Total, report.Table.Years),
            CostByYear = PlanResultMapping.ByYear(report.Table.Years, report.Table.CostByYear),
            TotalCost = report.Table.TotalCost.Amount,
        },
        Explanations = report.Explanations.Select(e => new ReportExplanationOutput { FunderId = e.FunderId, Subject = e.Subject, Sentence = e.Sentence, Details = e.Details }).ToArray(),
        Checks = report.Checks.Select(c => new ReportCheckOutput { Id = c.Id, Outcome = c.Outcome, Label = c.Label, Message = c.Message, Source = c.Source }).ToArray(),
        AmountsInWords = report.AmountsInWords.Select(a => new AmountInWordsOutput
        {
            FunderId = a.FunderId,
            Name = a.Name,
            Total = a.Total.Amount,
            TotalInWords = a.TotalInWords,
            AnnualAmount = a.AnnualAmount?.Amount,
            AnnualAmountInWords = a.AnnualAmountInWords,
        }).ToArray(),
        Deliberation = report.Deliberation is { } d ? new DeliberationOutput { FunderId = d.FunderId, Paragraph = d.Paragraph, Decision = d.Decision } : null,
    };

    private static ReportRowOutput Row(FinancingRow row, IReadOnlyList<int> years) => new()
    {
        FunderId = row.FunderId,
        Name = row.Name,
        Amount = row.Amount.Amount,
        ShareOfCostPercent = Figures.Percent(row.ShareOfCost),
        ByYear = PlanResultMapping.ByYear(years, row.ByYear),
        Formatted = new ReportRowFormattedOutput
        {
            Amount = FrenchFormat.Money(row.Amount),
            ShareOfCost = FrenchFormat.Rate(row.ShareOfCost),
            ByYear = row.ByYear.Select(a => FrenchFormat.Money(a)).ToArray(),
        },
    };
}
