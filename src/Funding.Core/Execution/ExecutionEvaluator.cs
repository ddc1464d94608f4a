using Funding.Formatting;
using Funding.Plans;
using NodaTime;

namespace Funding.Execution;

/// <summary>What was actually spent and received on a voted plan.</summary>
/// <param name="ActualExpenses">The actual eligible expenses of each budget year of the plan (years not listed: nothing spent).</param>
/// <param name="Receipts">The payments received, per funder.</param>
public sealed record ExecutionInput(IReadOnlyList<BudgetYearAmount> ActualExpenses, IReadOnlyList<Receipt> Receipts)
{
    /// <summary>
    /// How each funder's due is computed, by funder id; a funder not listed gets its default
    /// (<see cref="ExecutionTerms.DefaultFor"/>).
    /// </summary>
    public IReadOnlyDictionary<string, ExecutionTerms> Terms { get; init; } = new Dictionary<string, ExecutionTerms>(StringComparer.Ordinal);
}

/// <summary>A payment received from a funder.</summary>
/// <param name="FunderId">The funder (or group member) who paid.</param>
/// <param name="Date">When it was received.</param>
/// <param name="Amount">How much.</param>
/// <param name="Reference">The reference of the receipt (« titre de recettes n° 2023-118 »), or null.</param>
public sealed record Receipt(string FunderId, LocalDate Date, Money Amount, string? Reference = null);

/// <summary>How a funder's due is computed on the actual expenses.</summary>
/// <param name="FixedProRata">
/// For a fixed contribution: true when it is due « au prorata des dépenses réalisées » (grant × actual / planned
/// expenses), false when it is due as promised.
/// </param>
/// <param name="CapAtGrant">
/// For a rate: true when the rate applies to the actual expense capped at the planned expense, and the due is never
/// more than the amount granted (décret n° 2018-514, art. 11, for State subsidies; most financing agreements).
/// </param>
public sealed record ExecutionTerms(bool FixedProRata, bool CapAtGrant)
{
    /// <summary>The clause cited when the due is capped at the grant.</summary>
    public const string GrantClause = "décret n° 2018-514 du 25 juin 2018, art. 11 : la subvention est calculée sur la dépense réelle, dans la limite de la dépense subventionnable prévue et du montant attribué";

    /// <summary>The default: capped at the grant for the State and its agencies, fixed amounts due as promised.</summary>
    /// <param name="kind">The funder's kind.</param>
    /// <returns>The default terms.</returns>
    public static ExecutionTerms DefaultFor(FunderKind kind) => new(FixedProRata: false, CapAtGrant: kind == FunderKind.State);
}

/// <summary>What a funder owes on the actual expenses, what it paid, and the balance.</summary>
/// <param name="FunderId">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Granted">Its contribution in the voted plan.</param>
/// <param name="Due">What it owes on the actual expenses, under its rule and terms.</param>
/// <param name="Received">What it paid.</param>
/// <param name="Balance">Due − received: positive, still to claim (« solde à percevoir »); negative, to pay back (« trop-perçu à reverser »).</param>
/// <param name="Sentence">How the due was computed and what to do, in French.</param>
public sealed record FunderExecution(string FunderId, string Name, Money Granted, Money Due, Money Received, Money Balance, string Sentence);

/// <summary>The execution of a plan: actual expenses, what each funder owes and its balance.</summary>
/// <param name="PlannedCost">The voted plan's total cost.</param>
/// <param name="ActualExpenses">The actual expenses, summed.</param>
/// <param name="Actual">The plan re-evaluated on the actual expenses, under each funder's terms: every due with its explanation.</param>
/// <param name="Funders">Each paying funder's execution, in plan order.</param>
public sealed record ExecutionResult(Money PlannedCost, Money ActualExpenses, PlanResult Actual, IReadOnlyList<FunderExecution> Funders);

/// <summary>
/// Computes what each funder owes on the actual expenses of a voted plan and the balance with what it paid.
/// </summary>
/// <remarks>
/// The plan is evaluated again on the actual expenses, each funder's rule adjusted by its terms: a rate capped at the
/// grant applies to the actual expense within the planned base and never gives more than the amount granted; a fixed
/// contribution is due as promised or, « au prorata », grant × actual / planned expenses (rounded by the plan's
/// policy); a group's pool follows its rule on what is actually left and is split again by its key; the remainder
/// funder closes the plan. Every due therefore has its explanation, and dues sum to the actual expenses (or the
/// over-funding or unfunded part says why).
/// </remarks>
public static class ExecutionEvaluator
{
    /// <summary>Evaluates the execution of a plan.</summary>
    /// <param name="plan">The voted plan.</param>
    /// <param name="input">Actual expenses and receipts.</param>
    /// <returns>Dues, receipts and balances.</returns>
    /// <exception cref="FundingValidationException">The plan or the input is not valid.</exception>
    public static ExecutionResult Evaluate(Plan plan, ExecutionInput input)
    {
        Preconditions.CheckNotNull(input);
        var planned = PlanEvaluator.Evaluate(plan);
        var years = planned.CostByBudgetYear.Select(c => c.Year).ToArray();
        var errors = new ValidationErrors();
        for (int i = 0; i < input.ActualExpenses.Count; i++)
        {
            var year = input.ActualExpenses[i];
            if (!years.Contains(year.Year))
            {
                errors.Add(FieldPath.Of("actualExpenses").Item(i).Field("year"), ErrorCodes.PeriodOutOfRange,
                    $"L'exercice {year.Year} est hors de la période du plan, exercices {years[0]} à {years[^1]}.",
                    $"The budget year {year.Year} is outside the plan's period, budget years {years[0]} to {years[^1]}.");
            }
            if (year.Amount.IsNegative)
            {
                errors.Add(FieldPath.Of("actualExpenses").Item(i).Field("amount"), CommonMessages.Negative(new Subject($"la dépense de {year.Year}", $"the expense of {year.Year}"), year.Amount));
            }
        }
        var ids = planned.Funders.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        for (int i = 0; i < input.Receipts.Count; i++)
        {
            if (!ids.Contains(input.Receipts[i].FunderId))
            {
                errors.Add(FieldPath.Of("receipts").Item(i).Field("funderId"), ErrorCodes.ValueNotAllowed,
                    $"« {input.Receipts[i].FunderId} » n'est pas un financeur du plan.", $"'{input.Receipts[i].FunderId}' is not a funder of the plan.");
            }
        }
        if (errors.Any)
        {
            throw new FundingValidationException(errors.ToList());
        }

        var actualYears = years.Select(y => new BudgetYearAmount(y, input.ActualExpenses.Where(a => a.Year == y).Sum(a => a.Amount))).ToArray();
        var actualTotal = actualYears.Sum(y => y.Amount);
        var policy = plan.Options.Rounding;
        var plannedTotal = planned.TotalCost;
        ExecutionTerms TermsOf(Funder f) => input.Terms.TryGetValue(f.Id, out var t) ? t : ExecutionTerms.DefaultFor(f.Kind);
        Money Granted(string id) => planned.Funder(id).Total;

        var funders = plan.Funders.Select(f =>
        {
            var terms = TermsOf(f);
            ContributionRule rule = f.Rule switch
            {
                RateRule rate when terms.CapAtGrant => rate with
                {
                    Cap = Granted(f.Id),
                    CapScope = CapScope.Period,
                    EligibleBase = rate.EligibleBase is { } e ? Money.Min(e, actualTotal) : null,
                    Floor = null,
                },
                FixedAnnualRule or FixedTotalRule or FixedPerYearRule => new FixedTotalRule(terms.FixedProRata ? ProRata(Granted(f.Id), actualTotal, plannedTotal, policy) : Granted(f.Id)),
                _ => f.Rule,
            };
            return f with { Rule = rule };
        }).ToArray();
        var actualPlan = plan with
        {
            Cost = new PerBudgetYearCost(actualYears, plan.Cost.Period.Start.Day == 1 ? plan.Cost.Period.Start : new LocalDate(plan.Cost.Period.Start.Year, plan.Cost.Period.Start.Month, 1)),
            Funders = funders,
            // A ceiling shared on the plan applies to the dues as well.
        };
        var actual = PlanEvaluator.Evaluate(actualPlan);

        var result = actual.Funders.Select(due =>
        {
            var received = input.Receipts.Where(r => r.FunderId == due.Id).Sum(r => r.Amount);
            var balance = due.Total - received;
            var granted = Granted(due.Id);
            var original = plan.Funders.FirstOrDefault(f => f.Id == due.Id);
            var terms = original is null ? null : TermsOf(original);
            string how = original?.Rule switch
            {
                RateRule when terms!.CapAtGrant => $"dû sur la dépense réelle de {FrenchFormat.Money(actualTotal)}, dans la limite des {FrenchFormat.Money(granted)} attribués ({ExecutionTerms.GrantClause})",
                FixedAnnualRule or FixedTotalRule or FixedPerYearRule when terms!.FixedProRata =>
                    $"dû au prorata des dépenses réalisées : {FrenchFormat.Money(granted)} × {FrenchFormat.Money(actualTotal)} / {FrenchFormat.Money(plannedTotal)} = {FrenchFormat.Money(due.Total)}",
                FixedAnnualRule or FixedTotalRule or FixedPerYearRule => $"dû tel que promis, {FrenchFormat.Money(granted)}",
                RemainderRule => "reste à charge sur les dépenses réelles",
                _ => "selon sa règle appliquée aux dépenses réelles",
            };
            string outcome = due.IsCarrier
                ? $"part propre du porteur, qui clôt le plan : {FrenchFormat.Money(due.Total)}"
                : balance.IsZero
                ? "rien ne reste à percevoir ni à reverser"
                : balance.IsNegative
                    ? $"trop-perçu à reverser : {FrenchFormat.Money(-balance)}"
                    : $"solde à percevoir : {FrenchFormat.Money(balance)}";
            string sentence = $"{FrenchText.Subject(due.Name)} : {FrenchFormat.Money(due.Total)} {how} ; reçu {FrenchFormat.Money(received)} ; {outcome}.";
            return new FunderExecution(due.Id, due.Name, granted, due.Total, received, balance, sentence);
        }).ToArray();
        return new ExecutionResult(plannedTotal, actualTotal, actual, result);
    }

    /// <summary>grant × actual / planned, rounded to the cent by the plan's policy (the grant when nothing was planned).</summary>
    private static Money ProRata(Money grant, Money actual, Money planned, RoundingPolicy policy) =>
        planned.IsZero ? grant : Money.FromCents(policy.RoundCents(new System.Numerics.BigInteger(grant.TotalCents) * actual.TotalCents, planned.TotalCents));
}
