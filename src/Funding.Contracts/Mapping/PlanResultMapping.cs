using System.Globalization;
using Funding.Contracts;
using Funding.Formatting;
using Funding.Plans;
using Funding.Schedules;
using NodaTime;

namespace Funding.Contracts.Mapping;

/// <summary>Evaluated plans and comparisons as the JSON contract writes them.</summary>
internal static class PlanResultMapping
{
    public static PlanResponse ToResponse(PlanResult result, ExplainLevel explain = ExplainLevel.Full)
    {
        bool sentences = explain != ExplainLevel.None;
        var schedules = result.Schedule.Funders.ToDictionary(s => s.FunderId, StringComparer.Ordinal);
        // A result evaluated without explanations has no sentence to give.
        if (result.CostExplanation.IsOmitted)
        {
            explain = ExplainLevel.None;
        }
        sentences = explain != ExplainLevel.None;
        return new PlanResponse
        {
            CalculationVersion = result.CalculationVersion,
            Name = result.Plan.Name,
            TotalCost = result.TotalCost.Amount,
            CostExplanation = Explanation(result.CostExplanation, explain),
            RoundingSentence = sentences ? result.Plan.Options.Rounding.Sentence : null,
            CostByBudgetYear = result.CostByBudgetYear.Select(c => new BudgetYearCostOutput { Year = c.Year, Amount = c.Amount.Amount, Sentence = sentences ? c.Sentence : null }).ToArray(),
            Funders = result.Funders.Select(f => Funder(f, schedules[f.Id], explain)).ToArray(),
            Groups = result.Groups.Select(g => new GroupOutput
            {
                Id = g.Id,
                Name = g.Name,
                Pool = g.Pool.Amount,
                Allocated = g.Allocated.Amount,
                Unallocated = g.Unallocated.Amount,
                MemberIds = g.MemberIds,
                Explanation = Explanation(g.Explanation, explain),
            }).ToArray(),
            SharedCeilings = result.SharedCeilings.Select(c => Ceiling(c, explain)).ToArray(),
            BudgetYears = result.BudgetYears.Select(Balance).ToArray(),
            Totals = new TotalsOutput
            {
                TotalCost = result.TotalCost.Amount,
                TotalFunded = result.TotalFunded.Amount,
                PublicFunding = result.PublicFunding.Amount,
                CarrierShare = result.CarrierShare.Amount,
                Unfunded = result.Unfunded.Amount,
                OverFunding = result.OverFunding.Amount,
                CarrierId = result.CarrierId,
            },
            BudgetYearTable = Table(result.Schedule.Table),
            Treasury = Treasury(result.Schedule.Treasury, sentences),
            Checks = result.Checks.Select(c => new CheckOutput { Id = c.Id, Outcome = c.Outcome, Passed = c.Passed, Message = c.Message, Source = c.Source }).ToArray(),
        };
    }

    /// <summary>
    /// The lean answer (<c>explain=none</c>): the cost, each funder's figures and contributions by budget year, the groups,
    /// shared ceilings, year balances and totals — no sentence, no French text, no payment schedule, treasury or checks.
    /// </summary>
    public static PlanResponse ToResponse(PlanFigures figures, Plan plan)
    {
        var funders = new FunderOutput[figures.Funders.Count];
        for (int i = 0; i < funders.Length; i++)
        {
            funders[i] = FunderFigures(figures.Funders[i]);
        }
        return new PlanResponse
        {
            CalculationVersion = figures.CalculationVersion,
            Name = plan.Name,
            TotalCost = figures.TotalCost.Amount,
            CostByBudgetYear = [.. figures.CostByBudgetYear.Select(c => new BudgetYearCostOutput { Year = c.Year, Amount = c.Amount.Amount })],
            Funders = funders,
            Groups = [.. figures.Groups.Select(g => new GroupOutput
            {
                Id = g.Id, Name = g.Name, Pool = g.Pool.Amount, Allocated = g.Allocated.Amount, Unallocated = g.Unallocated.Amount, MemberIds = g.MemberIds,
            })],
            SharedCeilings = [.. figures.SharedCeilings.Select(c => Ceiling(c, ExplainLevel.None))],
            BudgetYears = [.. figures.BudgetYears.Select(Balance)],
            Totals = new TotalsOutput
            {
                TotalCost = figures.TotalCost.Amount,
                TotalFunded = figures.TotalFunded.Amount,
                PublicFunding = figures.PublicFunding.Amount,
                CarrierShare = figures.CarrierShare.Amount,
                Unfunded = figures.Unfunded.Amount,
                OverFunding = figures.OverFunding.Amount,
                CarrierId = figures.CarrierId,
            },
        };
    }

    private static YearAmountOutput[] YearAmounts(IReadOnlyList<BudgetYearAmount> years)
    {
        var output = new YearAmountOutput[years.Count];
        for (int k = 0; k < output.Length; k++)
        {
            output[k] = new YearAmountOutput { Year = years[k].Year, Amount = years[k].Amount.Amount };
        }
        return output;
    }

    private static BudgetYearBalanceOutput Balance(BudgetYearBalance b) => new()
    {
        Year = b.Year,
        Cost = b.Cost.Amount,
        Contributions = b.Contributions.Amount,
        OverFunding = b.OverFunding.Amount,
        Unfunded = b.Unfunded.Amount,
    };

    private static SharedCeilingOutput Ceiling(SharedCeilingResult c, ExplainLevel explain) => new()
    {
        Id = c.Id,
        Name = c.Name,
        FunderIds = c.FunderIds,
        Per = c.Scope,
        Sharing = c.Sharing,
        Ceiling = c.Ceiling.Amount,
        Before = c.Before.Amount,
        After = c.After.Amount,
        TookOff = c.TookOff.Amount,
        ByBudgetYear = c.ByBudgetYear.Select(y => new SharedCeilingYearOutput { Year = y.Year, Ceiling = y.Ceiling?.Amount, Before = y.Before.Amount, After = y.After.Amount }).ToArray(),
        Explanation = Explanation(c.Explanation, explain),
    };

    public static CompareResponse ToResponse(PlanComparison comparison) => new()
    {
        CalculationVersion = CalculationVersion.Current,
        Funders = comparison.Funders.Select(f => new FunderDeltaOutput
        {
            Id = f.Id,
            Name = f.Name,
            Baseline = f.Baseline.Amount,
            Variant = f.Variant.Amount,
            Delta = f.Delta.Amount,
            Status = f.Status,
            Sentence = f.Sentence,
            BaselineExplanation = f.BaselineExplanation is null ? null : Explanation(f.BaselineExplanation),
            VariantExplanation = f.VariantExplanation is null ? null : Explanation(f.VariantExplanation),
            Years = f.Years.Select(y => new FunderYearDeltaOutput
            {
                Year = y.Year,
                BaselineContribution = y.BaselineContribution.Amount,
                VariantContribution = y.VariantContribution.Amount,
                ContributionDelta = y.ContributionDelta.Amount,
                BaselinePayment = y.BaselinePayment.Amount,
                VariantPayment = y.VariantPayment.Amount,
                PaymentDelta = y.PaymentDelta.Amount,
            }).ToArray(),
        }).ToArray(),
        Totals = new CompareTotalsOutput
        {
            TotalCost = Delta(comparison.TotalCost),
            TotalFunded = Delta(comparison.TotalFunded),
            PublicFunding = Delta(comparison.PublicFunding),
            CarrierShare = Delta(comparison.CarrierShare),
            Unfunded = Delta(comparison.Unfunded),
            OverFunding = Delta(comparison.OverFunding),
        },
        Checks = comparison.Checks.Select(c => new CheckChangeOutput { Id = c.Id, Baseline = c.Baseline, Variant = c.Variant, Message = c.Message }).ToArray(),
    };

    public static ExplanationOutput Explanation(Explanation explanation) => Explanation(explanation, ExplainLevel.Full)!;

    /// <summary>The explanation at a level: none omits it, summary keeps its sentence, full adds its terms.</summary>
    public static ExplanationOutput? Explanation(Explanation explanation, ExplainLevel explain) => explain switch
    {
        ExplainLevel.None => null,
        _ => new()
        {
            Rule = explanation.Rule,
            Sentence = explanation.Sentence,
            Terms = explain == ExplainLevel.Full
                ? explanation.Terms.Select(t => new TermOutput { Name = t.Name, Value = TermValue(t), Unit = t.Unit }).ToArray()
                : null,
        },
    };

    /// <summary>A term's value as the contract writes it: a percentage rounded to 6 decimal places (the API's display rounding), anything else exact.</summary>
    public static decimal TermValue(ExplanationTerm term) => term.Unit == TermUnit.Percent ? RoundingPolicy.Default.Round(term.Value, 6).Plain() : term.Value;

    /// <summary>A funder's figures, the same at every level of explanation.</summary>
    private static FunderOutput FunderFigures(FunderResult funder) => new()
    {
        Id = funder.Id,
        Name = funder.Name,
        Siren = funder.Siren,
        Kind = funder.Kind,
        GroupId = funder.GroupId,
        Rule = funder.RuleType,
        Total = funder.Total.Amount,
        ShareOfCostPercent = Figures.Percent(funder.ShareOfCost),
        EffectiveRatePercent = Figures.Percent(funder.EffectiveRate),
        Limit = funder.Limit,
        Cap = funder.Cap?.Amount,
        IsCarrier = funder.IsCarrier,
        ContributionByBudgetYear = YearAmounts(funder.ContributionByBudgetYear),
    };

    private static FunderOutput Funder(FunderResult funder, FunderSchedule schedule, ExplainLevel explain) => FunderFigures(funder) with
    {
        Formatted = explain == ExplainLevel.None ? null : new FormattedFiguresOutput
        {
            Total = FrenchFormat.Money(funder.Total),
            ShareOfCost = FrenchFormat.Rate(funder.ShareOfCost),
            EffectiveRate = FrenchFormat.Rate(funder.EffectiveRate),
            TotalInWords = FrenchWords.Amount(funder.Total),
        },
        Explanation = Explanation(funder.Explanation, explain),
        Schedule = new ScheduleOutput
        {
            Mode = schedule.Mode.Type,
            Payments = schedule.Payments.Select(p => new PaymentOutput
            {
                Date = p.Date,
                BudgetYear = p.BudgetYear,
                Amount = p.Amount.Amount,
                Kind = p.Kind,
                Sentence = explain == ExplainLevel.Full ? p.Sentence : null,
            }).ToArray(),
        },
    };

    private static BudgetYearTableOutput Table(BudgetYearTable table) => new()
    {
        Years = table.Years,
        Rows = table.Rows.Select(r => new BudgetYearRowOutput
        {
            FunderId = r.FunderId,
            Name = r.Name,
            Amounts = ByYear(table.Years, r.Amounts),
            Total = r.Total.Amount,
            Contributions = ByYear(table.Years, r.Contributions),
        }).ToArray(),
        YearTotals = ByYear(table.Years, table.YearTotals),
        GrandTotal = table.GrandTotal.Amount,
        CostByYear = ByYear(table.Years, table.CostByYear),
        ContributionTotals = ByYear(table.Years, table.ContributionTotals),
        OverFundingByYear = ByYear(table.Years, table.OverFundingByYear),
        UnfundedByYear = ByYear(table.Years, table.UnfundedByYear),
    };

    private static TreasuryOutput Treasury(TreasuryProjection treasury, bool sentences) => new()
    {
        CarrierId = treasury.CarrierId,
        Months = treasury.Months.Select(m => new TreasuryMonthOutput
        {
            Month = Month(m.Month),
            Cost = m.Cost.Amount,
            Receipts = m.Receipts.Amount,
            Balance = m.Balance.Amount,
            OwnContribution = m.OwnContribution.Amount,
            BalanceWithOwnContributions = m.BalanceWithOwnContributions.Amount,
        }).ToArray(),
        TotalCost = treasury.TotalCost.Amount,
        TotalReceipts = treasury.TotalReceipts.Amount,
        EndBalance = treasury.EndBalance.Amount,
        LargestDeficit = treasury.LargestDeficit.Amount,
        LargestDeficitMonth = treasury.LargestDeficitMonth is { } month ? Month(month) : null,
        DeficitMonths = treasury.DeficitMonths.Select(Month).ToArray(),
        LargestDeficitWithOwnContributions = treasury.LargestDeficitWithOwnContributions.Amount,
        Sentence = sentences ? treasury.Sentence : null,
    };

    /// <summary>Amounts aligned with their budget years, as objects that say their year.</summary>
    internal static YearAmountOutput[] ByYear(IReadOnlyList<int> years, IReadOnlyList<Money> amounts) =>
        years.Select((year, i) => new YearAmountOutput { Year = year, Amount = amounts[i].Amount }).ToArray();

    private static AmountDeltaOutput Delta(AmountDelta delta) => new() { Baseline = delta.Baseline.Amount, Variant = delta.Variant.Amount, Delta = delta.Delta.Amount };

    /// <summary>A month as the contract writes it: <c>2022-04</c>.</summary>
    public static string Month(YearMonth month) => month.ToString("uuuu'-'MM", CultureInfo.InvariantCulture);

    /// <summary>
    /// Writes <see cref="Month"/>'s bytes into <paramref name="destination"/> (at least
    /// <see cref="Json.IsoLocalDateConverter.MaxUtf8Length"/> long) and returns their length, without a string.
    /// </summary>
    public static int MonthUtf8(YearMonth month, Span<byte> destination) =>
        month.Year is < 1 or > 9999
            ? System.Text.Encoding.ASCII.GetBytes(Month(month), destination)
            : Json.IsoLocalDateConverter.YearAndMonth(month.Year, month.Month, destination);
}
