using Funding.Formatting;
using Funding.Plans;

namespace Funding.Programmes;

/// <summary>
/// The check <c>programme-conformity</c> of a plan that names a programme: every way it departs from the rules in force
/// on its start — a carrier the programme does not admit, a period beyond its longest, a funder receiving more in a
/// budget year than the programme allows it, a carrier's own share below its minimum — each with its source.
/// </summary>
/// <remarks>
/// What the programme allows a funder is computed, not guessed: the same plan is evaluated with each of the programme's
/// funders under the programme's own rule (its agreed fields, such as a partner's rate, taken from the plan) and the
/// programme's shared ceilings; a funder whose contribution in a budget year exceeds that is a deviation. No rule type is
/// inspected: the engine's figures decide.
/// </remarks>
internal static class ProgrammeConformity
{
    public const string Id = "programme-conformity";

    public static CheckResult Check(PlanFigures result, ProgrammeTerms terms)
    {
        var plan = result.Plan;
        var deviations = new List<string>();
        var sources = new List<string>();

        if (result.CarrierId is { } carrierId && result.Funders.FirstOrDefault(f => f.Id == carrierId) is { } carrier
            && terms.Applicants.Count > 0 && !terms.Applicants.Contains(carrier.Kind))
        {
            deviations.Add($"le porteur, {carrier.Name} ({carrier.Kind.FrenchName()}), n'est pas de ceux que le dispositif admet ({string.Join(", ", terms.Applicants.Select(k => k.FrenchName()))})");
            sources.Add(terms.ApplicantsSource);
        }
        if (terms.MaxMonths is { } maxMonths && plan.Cost.Period.Months > maxMonths.Value)
        {
            deviations.Add($"la période dure {FrenchProse.Count(plan.Cost.Period.Months, "mois", "mois")}, au-delà des {FrenchProse.Count(maxMonths.Value, "mois", "mois")} du dispositif");
            sources.Add(maxMonths.Source);
        }

        // The plan as the programme would have it: its funders under its rules, its ceilings.
        var ruled = terms.Funders.ToDictionary(f => f.FunderId, StringComparer.Ordinal);
        var programmePlan = plan with
        {
            Programme = null,
            Funders = [.. plan.Funders.Select(f => ruled.TryGetValue(f.Id, out var term) ? f with { Rule = term.Rule } : f)],
            SharedCeilings = [.. terms.SharedCeilings.Select(c => c.Value), .. plan.SharedCeilings.Where(c => terms.SharedCeilings.All(t => t.Value.Id != c.Id))],
        };
        PlanFigures allowed;
        try
        {
            allowed = PlanEvaluator.Figures(programmePlan);
        }
        catch (FundingValidationException)
        {
            return new(Id, CheckOutcome.Failed,
                $"Le plan ne peut pas être comparé aux règles du dispositif « {terms.Name} » en vigueur au {FrenchFormat.Date(terms.RulesOf)} : leurs règles ne s'appliquent pas à ce plan.",
                Source(terms, [.. terms.Funders.Select(f => f.Source)]));
        }
        foreach (var term in terms.Funders)
        {
            var actual = result.Funders.FirstOrDefault(f => f.Id == term.FunderId);
            var limit = allowed.Funders.FirstOrDefault(f => f.Id == term.FunderId);
            if (actual is null || limit is null)
            {
                continue;
            }
            foreach (var year in actual.ContributionByBudgetYear)
            {
                var most = limit.ContributionByBudgetYear.FirstOrDefault(y => y.Year == year.Year)?.Amount ?? Money.Zero;
                if (year.Amount > most)
                {
                    deviations.Add($"{actual.Name} finance {FrenchFormat.Money(year.Amount)} en {year.Year}, quand le dispositif lui permet au plus {FrenchFormat.Money(most)} (+ {FrenchFormat.Money(year.Amount - most)})");
                    sources.Add(term.Source);
                    sources.AddRange(terms.SharedCeilings.Where(c => c.Value.FunderIds.Contains(term.FunderId)).Select(c => c.Source));
                }
            }
        }
        if (terms.MinimumOwnShare is { } minimum && result.CarrierId is { } id && result.Funders.FirstOrDefault(f => f.Id == id) is { } own
            && own.Kind.IsLocalAuthority())
        {
            var publicFunding = result.Funders.Where(f => f.Kind.IsPublic()).Sum(f => f.Total);
            var required = minimum.Value.Of(publicFunding, plan.Options.Rounding);
            if (own.Total < required)
            {
                deviations.Add($"la part propre de {own.Name}, {FrenchFormat.Money(own.Total)}, est sous le minimum de {FrenchFormat.Rate(minimum.Value)} des financements publics, {FrenchFormat.Money(required)}");
                sources.Add(minimum.Source);
            }
        }

        string rules = $"règles du dispositif « {terms.Name} » en vigueur au {FrenchFormat.Date(terms.RulesOf)}";
        return deviations.Count == 0
            ? new(Id, CheckOutcome.Passed, $"Le plan respecte les {rules}.", Source(terms, [.. terms.Funders.Select(f => f.Source), .. terms.SharedCeilings.Select(c => c.Source)]))
            : new(Id, CheckOutcome.Failed, $"Le plan s'écarte des {rules} : {string.Join(" ; ", deviations)}.", Source(terms, sources));
    }

    private static string Source(ProgrammeTerms terms, IEnumerable<string> sources) =>
        string.Join(" ; ", sources.Where(s => s.Length > 0).Distinct(StringComparer.Ordinal).DefaultIfEmpty($"Dispositif « {terms.Name} »"));
}
