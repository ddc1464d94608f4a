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
/// <param name="Rounding">The rounding rule, said once: « Règle d'arrondi du plan (half-away-from-zero) : … ».</param>
public sealed record PlanReport(
    string Title,
    string CalculationVersion,
    FinancingTable Table,
    IReadOnlyList<ReportExplanation> Explanations,
    IReadOnlyList<ReportCheck> Checks,
    IReadOnlyList<AmountInWords> AmountsInWords,
    Deliberation? Deliberation,
    string Rounding)
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
            deliberation,
            result.Plan.Options.Rounding.Sentence);
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
