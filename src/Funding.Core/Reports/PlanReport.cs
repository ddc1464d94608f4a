using Funding.Formatting;
using Funding.Plans;

namespace Funding.Reports;

/// <summary>
/// What a council report needs from an evaluated plan, in French and in plan order: the financing table ("plan de
/// financement") with one column per budget year, the explanation of every figure, the checks, the amounts in words,
/// and optionally a deliberation paragraph for one funder. Renderers (<see cref="MarkdownReport"/>,
/// <see cref="HtmlReport"/>, <see cref="CsvReport"/>) only lay it out: every figure is formatted by
/// <see cref="FrenchFormat"/> and <see cref="FrenchWords"/>.
/// </summary>
/// <param name="Title">The plan's name.</param>
/// <param name="CalculationVersion">The version of the calculation rules.</param>
/// <param name="Table">The financing table.</param>
/// <param name="Explanations">The explanation of every figure, in plan order.</param>
/// <param name="Checks">The checks as sentences.</param>
/// <param name="AmountsInWords">Each funder's total (and yearly amount) in words.</param>
/// <param name="Deliberation">The paragraph for the chosen funder, if one was chosen.</param>
public sealed record PlanReport(
    string Title,
    string CalculationVersion,
    FinancingTable Table,
    IReadOnlyList<ReportExplanation> Explanations,
    IReadOnlyList<ReportCheck> Checks,
    IReadOnlyList<AmountInWords> AmountsInWords,
    Deliberation? Deliberation)
{
    /// <summary>Builds the report of an evaluated plan.</summary>
    /// <param name="result">The evaluated plan.</param>
    /// <param name="focusFunderId">The funder the deliberation paragraph is written for, or null for none.</param>
    /// <returns>The report.</returns>
    /// <exception cref="FundingValidationException">No funder has <paramref name="focusFunderId"/> (path <c>funderId</c>).</exception>
    public static PlanReport From(PlanResult result, string? focusFunderId = null)
    {
        Preconditions.CheckNotNull(result);
        Deliberation? deliberation = null;
        if (focusFunderId is not null)
        {
            var focus = result.Funders.FirstOrDefault(f => f.Id == focusFunderId)
                ?? throw new FundingValidationException(FieldPath.Of("funderId"), new FundingMessage(ErrorCodes.ValueNotAllowed,
                    $"Aucun financeur du plan n'a l'identifiant « {focusFunderId} ».",
                    $"No funder of the plan has the id '{focusFunderId}'."));
            deliberation = Deliberation.For(result, focus);
        }
        return new PlanReport(
            result.Plan.Name,
            result.CalculationVersion,
            FinancingTable.From(result),
            Explain(result),
            result.Checks.Select(ReportCheck.From).ToArray(),
            result.Funders.Select(f => AmountInWords.For(result, f)).ToArray(),
            deliberation);
    }

    private static ReportExplanation[] Explain(PlanResult result)
    {
        var schedules = result.Schedule.Funders.ToDictionary(s => s.FunderId, StringComparer.Ordinal);
        var items = new List<ReportExplanation>
        {
            new(null, "Coût", result.CostExplanation.Sentence, result.CostByBudgetYear.Select(c => c.Sentence).ToArray()),
        };
        var groups = result.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        var announced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var funder in result.Funders)
        {
            if (funder.GroupId is { } groupId && announced.Add(groupId))
            {
                var group = groups[groupId];
                items.Add(new ReportExplanation(group.Id, group.Name, group.Explanation.Sentence, []));
            }
            items.Add(new ReportExplanation(funder.Id, funder.Name, funder.Explanation.Sentence, schedules[funder.Id].Payments.Select(p => p.Sentence).ToArray()));
        }
        items.Add(new ReportExplanation(null, "Trésorerie du porteur", result.Schedule.Treasury.Sentence, []));
        return items.ToArray();
    }
}

/// <summary>The financing table: one row per funder, one column per budget year, and the totals.</summary>
/// <param name="Years">The budget years.</param>
/// <param name="Rows">One row per funder, in plan order.</param>
/// <param name="Total">The total row: what all funders pay.</param>
/// <param name="CostByYear">The plan's cost in each year.</param>
/// <param name="TotalCost">The plan's total cost.</param>
public sealed record FinancingTable(IReadOnlyList<int> Years, IReadOnlyList<FinancingRow> Rows, FinancingRow Total, IReadOnlyList<Money> CostByYear, Money TotalCost)
{
    internal static FinancingTable From(PlanResult result)
    {
        var table = result.Schedule.Table;
        var rows = table.Rows.Select(r =>
        {
            var funder = result.Funder(r.FunderId);
            return new FinancingRow(r.FunderId, r.Name, r.Total, funder.ShareOfCost, r.Amounts);
        }).ToArray();
        var total = new FinancingRow(null, "Total", table.GrandTotal,
            Ratio.Of(table.GrandTotal, result.TotalCost), table.YearTotals);
        return new FinancingTable(table.Years, rows, total, table.CostByYear, result.TotalCost);
    }
}

/// <summary>A row of the financing table.</summary>
/// <param name="FunderId">The funder's id; null for the total row.</param>
/// <param name="Name">The funder's name, or « Total ».</param>
/// <param name="Amount">The amount for the whole period.</param>
/// <param name="ShareOfCost">The amount as a share of the total cost.</param>
/// <param name="ByYear">The amount paid in each budget year of the table.</param>
public sealed record FinancingRow(string? FunderId, string Name, Money Amount, Ratio ShareOfCost, IReadOnlyList<Money> ByYear);

/// <summary>The explanation of a figure, with the explanations of its parts (a funder's payments, the cost of each year).</summary>
/// <param name="FunderId">The funder or group it explains; null for the cost and the treasury.</param>
/// <param name="Subject">What it explains.</param>
/// <param name="Sentence">The sentence.</param>
/// <param name="Details">The sentences of the parts.</param>
public sealed record ReportExplanation(string? FunderId, string Subject, string Sentence, IReadOnlyList<string> Details);

/// <summary>A check as a report states it.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="Outcome">Its outcome.</param>
/// <param name="Label">The outcome in French: « Respecté », « Non respecté », « Attention », « Sans objet ».</param>
/// <param name="Message">What was found.</param>
/// <param name="Source">The legal source.</param>
public sealed record ReportCheck(string Id, CheckOutcome Outcome, string Label, string Message, string Source)
{
    internal static ReportCheck From(CheckResult check) => new(check.Id, check.Outcome, check.Outcome switch
    {
        CheckOutcome.Passed => "Respecté",
        CheckOutcome.Failed => "Non respecté",
        CheckOutcome.Warning => "Attention",
        _ => "Sans objet",
    }, check.Message, check.Source);
}

/// <summary>A funder's amounts in words, as a deliberation writes them.</summary>
/// <param name="FunderId">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Total">Its total.</param>
/// <param name="TotalInWords">Its total in words.</param>
/// <param name="AnnualAmount">Its amount per year, for a fixed yearly contribution.</param>
/// <param name="AnnualAmountInWords">That amount in words.</param>
public sealed record AmountInWords(string FunderId, string Name, Money Total, string TotalInWords, Money? AnnualAmount, string? AnnualAmountInWords)
{
    internal static AmountInWords For(PlanResult result, FunderResult funder)
    {
        var annual = result.Plan.Funders.FirstOrDefault(f => f.Id == funder.Id)?.Rule.PromisedAnnualAmount;
        return new AmountInWords(funder.Id, funder.Name, funder.Total, FrenchWords.Amount(funder.Total), annual, annual is { } a ? FrenchWords.Amount(a) : null);
    }
}
