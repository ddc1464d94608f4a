using System.Globalization;
using Funding.Formatting;
using Funding.Plans;

namespace Funding.Reports;

/// <summary>
/// A deliberation-style paragraph for one funder, built from the plan's own figures, and the decision line that follows
/// « le conseil décide … d'autoriser … ».
/// </summary>
/// <remarks>
/// For Quimper Bretagne Occidentale in the seed case it reproduces the deliberation of 17 March 2022: « Le coût pour
/// Quimper Bretagne Occidentale serait de 11 593,50 € annuels sur 2 ans pour un coût total estimé annuel de 103 800 €. »
/// and « verser la subvention à UIMM Finistère à hauteur de 11 593,50 € annuellement, sur 2 ans ». Round amounts are
/// written without cents (« 103 800 € »), as deliberations do.
/// </remarks>
/// <param name="FunderId">The funder it is written for.</param>
/// <param name="Paragraph">The paragraph.</param>
/// <param name="Decision">The decision line, to follow « le conseil décide de ».</param>
/// <param name="DecisionWithWords">
/// The decision line with its amount also in words, as the dispositif of a deliberation writes it: « verser la
/// subvention à UIMM Finistère à hauteur de 11 593,50 € (onze mille cinq cent quatre-vingt-treize euros et cinquante
/// centimes) annuellement, sur 2 ans ».
/// </param>
public sealed record Deliberation(string FunderId, string Paragraph, string Decision, string DecisionWithWords)
{
    internal static Deliberation For(PlanResult result, FunderResult funder)
    {
        var plan = result.Plan;
        var period = plan.Cost.Period;
        string duration = FrenchProse.Duration(period.Months);
        // A growing cost has no single annual figure: its total is quoted.
        string costText = plan.Cost is AnnualCost annualCost && (annualCost.Growth is null || annualCost.Growth == Rate.Zero)
            ? $"un coût total estimé annuel de {FrenchFormat.MoneyCompact(annualCost.AnnualAmount)}"
            : $"un coût total estimé de {FrenchFormat.MoneyCompact(result.TotalCost)}";
        string carrier = result.CarrierId is { } carrierId && carrierId != funder.Id
            ? FrenchProse.To(result.Funder(carrierId).Name)
            : "au porteur du projet";

        var annualAmount = plan.Funders.FirstOrDefault(f => f.Id == funder.Id)?.Rule.PromisedAnnualAmount;
        // The decision is written once, with its amount in figures (Decision) or in figures and words (DecisionWithWords).
        Deliberation Make(string paragraph, Func<Func<Money, string>, string> decision) =>
            new(funder.Id, paragraph, decision(m => FrenchFormat.MoneyCompact(m)), decision(WithWords));
        if (funder.IsCarrier)
        {
            string schedule = Schedule(result, funder);
            return Make(
                $"Le reste à charge {FrenchProse.For(funder.Name)}, porteur du projet, serait de {FrenchFormat.MoneyCompact(funder.Total)} sur {duration} pour {costText}.",
                amount => $"inscrire au budget la somme de {amount(funder.Total)}{schedule}");
        }
        if (annualAmount is not null && period.Months % 12 == 0)
        {
            return Make(
                $"Le coût {FrenchProse.For(funder.Name)} serait de {FrenchFormat.MoneyCompact(annualAmount.Value)} annuels sur {duration} pour {costText}.",
                amount => $"verser la subvention {carrier} à hauteur de {amount(annualAmount.Value)} annuellement, sur {duration}");
        }
        string payments = Schedule(result, funder);
        return Make(
            $"Le coût {FrenchProse.For(funder.Name)} serait de {FrenchFormat.MoneyCompact(funder.Total)} sur {duration} pour {costText}.",
            amount => $"verser la subvention {carrier} à hauteur de {amount(funder.Total)}{payments}");
    }

    /// <summary>« 11 593,50 € (onze mille cinq cent quatre-vingt-treize euros et cinquante centimes) ».</summary>
    private static string WithWords(Money amount) => $"{FrenchFormat.MoneyCompact(amount)} ({FrenchWords.Amount(amount)})";

    /// <summary>« , versés en 2022 (8 695,13 €), 2023 (11 593,50 €) et 2024 (2 898,37 €) » when paid over several years.</summary>
    private static string Schedule(PlanResult result, FunderResult funder)
    {
        var byYear = result.Schedule.Funders.Single(s => s.FunderId == funder.Id).Payments
            .GroupBy(p => p.BudgetYear)
            .Select(g => $"{g.Key.ToString(CultureInfo.InvariantCulture)} ({FrenchFormat.MoneyCompact(g.Sum(p => p.Amount))})")
            .ToArray();
        return byYear.Length <= 1 ? "" : $", versés en {string.Join(", ", byYear[..^1])} et {byYear[^1]}";
    }
}
