using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;
using NodaTime;

namespace Funding.Contracts;

/// <summary>The evaluated plan: each funder's total and schedule, the budget-year table, the treasury and the checks.</summary>
public sealed record PlanResponse
{
    /// <summary>The version of the calculation rules that produced these figures.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>The plan's name.</summary>
    public required string Name { get; init; }

    /// <summary>The total cost of the period, in euros.</summary>
    public required decimal TotalCost { get; init; }

    /// <summary>How the total cost was obtained.</summary>
    public ExplanationOutput? CostExplanation { get; init; }

    /// <summary>The plan's rounding rule, said once (the sentences say « arrondi à … » without repeating it); absent with <c>explain=none</c>.</summary>
    public string? RoundingSentence { get; init; }

    /// <summary>The cost of each budget year; they sum exactly to <c>totalCost</c>.</summary>
    public required IReadOnlyList<BudgetYearCostOutput> CostByBudgetYear { get; init; }

    /// <summary>One entry per paying funder, in plan order; members of a key-share group appear in its place.</summary>
    public required IReadOnlyList<FunderOutput> Funders { get; init; }

    /// <summary>The key-share groups and the pools they shared.</summary>
    public required IReadOnlyList<GroupOutput> Groups { get; init; }

    /// <summary>The shared ceilings and what each took off its funders.</summary>
    public required IReadOnlyList<SharedCeilingOutput> SharedCeilings { get; init; }

    /// <summary>Each budget year's balance: cost, contributions, over-funding and unfunded part (contributions = cost + overFunding − unfunded).</summary>
    public required IReadOnlyList<BudgetYearBalanceOutput> BudgetYears { get; init; }

    /// <summary>The plan's totals.</summary>
    public required TotalsOutput Totals { get; init; }

    /// <summary>Funders × budget years, with totals that reconcile in both directions; absent with <c>explain=none</c> (the lean figures).</summary>
    public BudgetYearTableOutput? BudgetYearTable { get; init; }

    /// <summary>The carrier's monthly cash position; absent with <c>explain=none</c>.</summary>
    public TreasuryOutput? Treasury { get; init; }

    /// <summary>The checks, passed or failed, each with its legal source; absent with <c>explain=none</c>.</summary>
    public IReadOnlyList<CheckOutput>? Checks { get; init; }
}

/// <summary>The cost of a budget year.</summary>
public sealed record BudgetYearCostOutput
{
    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>Its cost, in euros.</summary>
    public required decimal Amount { get; init; }

    /// <summary>How it was obtained, in French.</summary>
    public string? Sentence { get; init; }
}

/// <summary>One funder's contribution, explanation and schedule.</summary>
public sealed record FunderOutput
{
    /// <summary>The funder's id.</summary>
    public required string Id { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>The funder's SIREN, when the plan gives it.</summary>
    public string? Siren { get; init; }

    /// <summary>The funder's legal nature.</summary>
    public required FunderKind Kind { get; init; }

    /// <summary>The id of its key-share group, if it is a member of one.</summary>
    public string? GroupId { get; init; }

    /// <summary>The rule that computed the contribution.</summary>
    public required string Rule { get; init; }

    /// <summary>The contribution for the whole period, in euros.</summary>
    public required decimal Total { get; init; }

    /// <summary>The contribution in percent of the total cost, to 6 decimal places.</summary>
    public required decimal ShareOfCostPercent { get; init; }

    /// <summary>The rate actually applied to the funder's base, in percent, to 6 decimal places (38.535645 for the capped State).</summary>
    public required decimal EffectiveRatePercent { get; init; }

    /// <summary>Which limit changed the computed amount, if any.</summary>
    public required ContributionLimit Limit { get; init; }

    /// <summary>The funder's cap, in euros, if it has one.</summary>
    public decimal? Cap { get; init; }

    /// <summary>Whether this funder is the plan's carrier.</summary>
    public required bool IsCarrier { get; init; }

    /// <summary>The figures in French format, ready to paste into a report; absent with <c>explain=none</c> (figures only).</summary>
    public FormattedFiguresOutput? Formatted { get; init; }

    /// <summary>How the contribution was obtained.</summary>
    public ExplanationOutput? Explanation { get; init; }

    /// <summary>When the funder pays; absent with <c>explain=none</c> (its contributions by budget year remain).</summary>
    public ScheduleOutput? Schedule { get; init; }

    /// <summary>What the funder contributes to each budget year's cost (the contribution view; its payments are in <c>schedule</c>), summing to <c>total</c>.</summary>
    public required IReadOnlyList<YearAmountOutput> ContributionByBudgetYear { get; init; }
}

/// <summary>One budget year's balance.</summary>
public sealed record BudgetYearBalanceOutput
{
    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>The year's cost.</summary>
    public required decimal Cost { get; init; }

    /// <summary>What all funders contribute to the year.</summary>
    public required decimal Contributions { get; init; }

    /// <summary>By how much the contributions exceed the year's cost.</summary>
    public required decimal OverFunding { get; init; }

    /// <summary>What no funder contributes to the year's cost.</summary>
    public required decimal Unfunded { get; init; }
}

/// <summary>What a shared ceiling did.</summary>
public sealed record SharedCeilingOutput
{
    /// <summary>The ceiling's id.</summary>
    public required string Id { get; init; }

    /// <summary>The ceiling's name.</summary>
    public required string Name { get; init; }

    /// <summary>The funders sharing it.</summary>
    public required IReadOnlyList<string> FunderIds { get; init; }

    /// <summary>Whether the ceiling holds over the <c>period</c> (default) or for each <c>budgetYear</c>.</summary>
    public required CapScope Per { get; init; }

    /// <summary>How the excess was taken off.</summary>
    public required CeilingSharing Sharing { get; init; }

    /// <summary>The ceiling over the period (the sum of the years' ceilings for a ceiling per budget year).</summary>
    public required decimal Ceiling { get; init; }

    /// <summary>The funders' sum before the ceiling.</summary>
    public required decimal Before { get; init; }

    /// <summary>Their sum after it.</summary>
    public required decimal After { get; init; }

    /// <summary>What the ceiling took off: before − after.</summary>
    public required decimal TookOff { get; init; }

    /// <summary>Per budget year: the ceiling (null over the period), the sum before and after.</summary>
    public required IReadOnlyList<SharedCeilingYearOutput> ByBudgetYear { get; init; }

    /// <summary>How the ceiling was computed and applied.</summary>
    public ExplanationOutput? Explanation { get; init; }
}

/// <summary>One budget year of a shared ceiling.</summary>
public sealed record SharedCeilingYearOutput
{
    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>That year's ceiling; null for a ceiling over the period.</summary>
    public decimal? Ceiling { get; init; }

    /// <summary>The funders' sum for the year before the ceiling.</summary>
    public required decimal Before { get; init; }

    /// <summary>After it.</summary>
    public required decimal After { get; init; }
}

/// <summary>A funder's figures as a council report writes them.</summary>
public sealed record FormattedFiguresOutput
{
    /// <summary>The total: <c>23 187,00 €</c> (U+202F between thousands, U+00A0 before €).</summary>
    public required string Total { get; init; }

    /// <summary>The share of the total cost: <c>11,17 %</c>.</summary>
    public required string ShareOfCost { get; init; }

    /// <summary>The effective rate: <c>38,54 %</c>.</summary>
    public required string EffectiveRate { get; init; }

    /// <summary>The total in words: « vingt-trois mille cent quatre-vingt-sept euros ».</summary>
    public required string TotalInWords { get; init; }
}

/// <summary>A funder's payments; they sum exactly to its total.</summary>
public sealed record ScheduleOutput
{
    /// <summary>The payment mode: <c>once</c>, <c>perBudgetYear</c>, <c>advanceAndBalance</c> or <c>monthly</c>.</summary>
    public required string Mode { get; init; }

    /// <summary>The payments, in date order.</summary>
    public required IReadOnlyList<PaymentOutput> Payments { get; init; }
}

/// <summary>One payment.</summary>
public sealed record PaymentOutput
{
    /// <summary>When it is paid.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The budget year it belongs to.</summary>
    public required int BudgetYear { get; init; }

    /// <summary>How much, in euros.</summary>
    public required decimal Amount { get; init; }

    /// <summary>What it is: <c>oneOff</c>, <c>annual</c>, <c>advance</c>, <c>installment</c>, <c>balance</c>, <c>monthly</c>.</summary>
    public required PaymentKind Kind { get; init; }

    /// <summary>How it was obtained, in French.</summary>
    public string? Sentence { get; init; }
}

/// <summary>A key-share group.</summary>
public sealed record GroupOutput
{
    /// <summary>The group's id.</summary>
    public required string Id { get; init; }

    /// <summary>The group's name.</summary>
    public required string Name { get; init; }

    /// <summary>The pool the members share, as its rule gives it (after the group's cap), in euros: what the group's explanation calls the pool.</summary>
    public required decimal Pool { get; init; }

    /// <summary>What the members were given: <c>pool</c> − <c>unallocated</c>, in euros.</summary>
    public required decimal Allocated { get; init; }

    /// <summary>What the members' caps could not absorb, left to the next rules, in euros.</summary>
    public required decimal Unallocated { get; init; }

    /// <summary>The members' ids.</summary>
    public required IReadOnlyList<string> MemberIds { get; init; }

    /// <summary>How the pool was obtained and split.</summary>
    public ExplanationOutput? Explanation { get; init; }
}

/// <summary>The plan's totals, in euros.</summary>
public sealed record TotalsOutput
{
    /// <summary>The total cost.</summary>
    public required decimal TotalCost { get; init; }

    /// <summary>The sum of every funder's total.</summary>
    public required decimal TotalFunded { get; init; }

    /// <summary>The sum of the public funders' totals.</summary>
    public required decimal PublicFunding { get; init; }

    /// <summary>The carrier's own share.</summary>
    public required decimal CarrierShare { get; init; }

    /// <summary>What no funder pays.</summary>
    public required decimal Unfunded { get; init; }

    /// <summary>By how much promises exceed the cost.</summary>
    public required decimal OverFunding { get; init; }

    /// <summary>The carrier's id, if the plan has one.</summary>
    public string? CarrierId { get; init; }
}

/// <summary>Funders × budget years.</summary>
public sealed record BudgetYearTableOutput
{
    /// <summary>The budget years, consecutive.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>One row per funder, in plan order.</summary>
    public required IReadOnlyList<BudgetYearRowOutput> Rows { get; init; }

    /// <summary>What all funders pay in each year, in euros.</summary>
    public required IReadOnlyList<YearAmountOutput> YearTotals { get; init; }

    /// <summary>The sum of every row and of every column, in euros.</summary>
    public required decimal GrandTotal { get; init; }

    /// <summary>The plan's cost in each year, in euros.</summary>
    public required IReadOnlyList<YearAmountOutput> CostByYear { get; init; }

    /// <summary>Column totals of the contribution view: what all funders contribute to each year's cost.</summary>
    public required IReadOnlyList<YearAmountOutput> ContributionTotals { get; init; }

    /// <summary>By how much each year's contributions exceed its cost.</summary>
    public required IReadOnlyList<YearAmountOutput> OverFundingByYear { get; init; }

    /// <summary>What no funder contributes to each year's cost.</summary>
    public required IReadOnlyList<YearAmountOutput> UnfundedByYear { get; init; }
}

/// <summary>One funder's row.</summary>
public sealed record BudgetYearRowOutput
{
    /// <summary>The funder's id.</summary>
    public required string FunderId { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>What it pays in each year, in euros.</summary>
    public required IReadOnlyList<YearAmountOutput> Amounts { get; init; }

    /// <summary>Its total, in euros.</summary>
    public required decimal Total { get; init; }

    /// <summary>What the funder contributes to each year's cost, in euros (the contribution view; <c>amounts</c> is what it pays).</summary>
    public required IReadOnlyList<YearAmountOutput> Contributions { get; init; }
}

/// <summary>The carrier's treasury projection.</summary>
public sealed record TreasuryOutput
{
    /// <summary>Whose treasury it is (null when the plan has no carrier).</summary>
    public string? CarrierId { get; init; }

    /// <summary>Each month from the first cost or payment to the last.</summary>
    public required IReadOnlyList<TreasuryMonthOutput> Months { get; init; }

    /// <summary>The cost paid out over the months, in euros.</summary>
    public required decimal TotalCost { get; init; }

    /// <summary>What the other funders pay in, in euros.</summary>
    public required decimal TotalReceipts { get; init; }

    /// <summary>Total receipts − total cost, in euros.</summary>
    public required decimal EndBalance { get; init; }

    /// <summary>The most negative cumulative balance, as a positive amount, in euros.</summary>
    public required decimal LargestDeficit { get; init; }

    /// <summary>The month of the largest deficit (<c>YYYY-MM</c>), if any.</summary>
    public string? LargestDeficitMonth { get; init; }

    /// <summary>The months ending with a negative balance (<c>YYYY-MM</c>).</summary>
    public required IReadOnlyList<string> DeficitMonths { get; init; }

    /// <summary>What the carrier must pre-finance beyond its own share paid as scheduled, in euros.</summary>
    public required decimal LargestDeficitWithOwnContributions { get; init; }

    /// <summary>The finding in French.</summary>
    public string? Sentence { get; init; }
}

/// <summary>One month of the treasury, in euros.</summary>
public sealed record TreasuryMonthOutput
{
    /// <summary>The month, <c>YYYY-MM</c>.</summary>
    public required string Month { get; init; }

    /// <summary>What the carrier pays out.</summary>
    public required decimal Cost { get; init; }

    /// <summary>What the other funders pay in.</summary>
    public required decimal Receipts { get; init; }

    /// <summary>The cumulative balance: receipts − costs since the start.</summary>
    public required decimal Balance { get; init; }

    /// <summary>What the carrier puts in itself, per its schedule.</summary>
    public required decimal OwnContribution { get; init; }

    /// <summary>The cumulative balance counting the carrier's own contributions.</summary>
    public required decimal BalanceWithOwnContributions { get; init; }
}

/// <summary>A check of the plan.</summary>
public sealed record CheckOutput
{
    /// <summary>A stable identifier (<c>no-over-funding</c>, <c>public-aid-ceiling</c>…).</summary>
    public required string Id { get; init; }

    /// <summary><c>passed</c>, <c>failed</c>, <c>warning</c> or <c>notApplicable</c>.</summary>
    public required CheckOutcome Outcome { get; init; }

    /// <summary>Whether the check did not fail.</summary>
    public required bool Passed { get; init; }

    /// <summary>What was checked and found, in French, with the figures.</summary>
    public required string Message { get; init; }

    /// <summary>The legal text or rule it comes from.</summary>
    public required string Source { get; init; }
}

/// <summary>The differences between two plans.</summary>
public sealed record CompareResponse
{
    /// <summary>The version of the calculation rules that produced these figures.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>One entry per funder of either plan (matched by id): the variant's order, then the removed ones.</summary>
    public required IReadOnlyList<FunderDeltaOutput> Funders { get; init; }

    /// <summary>The totals of both plans and their differences.</summary>
    public required CompareTotalsOutput Totals { get; init; }

    /// <summary>The checks whose outcome changed.</summary>
    public required IReadOnlyList<CheckChangeOutput> Checks { get; init; }
}

/// <summary>A funder's contribution in both plans.</summary>
public sealed record FunderDeltaOutput
{
    /// <summary>The funder's id.</summary>
    public required string Id { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its total in the baseline, in euros (0 when added).</summary>
    public required decimal Baseline { get; init; }

    /// <summary>Its total in the variant, in euros (0 when removed).</summary>
    public required decimal Variant { get; init; }

    /// <summary>variant − baseline, in euros.</summary>
    public required decimal Delta { get; init; }

    /// <summary>
    /// <c>unchanged</c>, <c>changed</c> (its total), <c>rescheduled</c> (same total, moved between budget years),
    /// <c>added</c> or <c>removed</c>.
    /// </summary>
    public required DeltaStatus Status { get; init; }

    /// <summary>The change in French.</summary>
    public required string Sentence { get; init; }

    /// <summary>How the baseline figure was obtained.</summary>
    public ExplanationOutput? BaselineExplanation { get; init; }

    /// <summary>How the variant figure was obtained.</summary>
    public ExplanationOutput? VariantExplanation { get; init; }

    /// <summary>Its contribution (as <c>contributionByBudgetYear</c>) and payment (as its schedule) in each budget year of either plan, before and after.</summary>
    public IReadOnlyList<FunderYearDeltaOutput> Years { get; init; } = [];
}

/// <summary>A funder's contribution and payment in one budget year, in both plans, in euros (0 where the year is not in a plan).</summary>
public sealed record FunderYearDeltaOutput
{
    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>Its contribution to the year's cost in the baseline.</summary>
    public required decimal BaselineContribution { get; init; }

    /// <summary>Its contribution to the year's cost in the variant.</summary>
    public required decimal VariantContribution { get; init; }

    /// <summary>variant − baseline contribution.</summary>
    public required decimal ContributionDelta { get; init; }

    /// <summary>What it pays in the year in the baseline.</summary>
    public required decimal BaselinePayment { get; init; }

    /// <summary>What it pays in the year in the variant.</summary>
    public required decimal VariantPayment { get; init; }

    /// <summary>variant − baseline payment.</summary>
    public required decimal PaymentDelta { get; init; }
}

/// <summary>A total in both plans, in euros.</summary>
public sealed record AmountDeltaOutput
{
    /// <summary>The baseline figure.</summary>
    public required decimal Baseline { get; init; }

    /// <summary>The variant figure.</summary>
    public required decimal Variant { get; init; }

    /// <summary>variant − baseline.</summary>
    public required decimal Delta { get; init; }
}

/// <summary>A check whose outcome changed.</summary>
public sealed record CheckChangeOutput
{
    /// <summary>The check's id.</summary>
    public required string Id { get; init; }

    /// <summary>The baseline's outcome.</summary>
    public required CheckOutcome Baseline { get; init; }

    /// <summary>The variant's outcome.</summary>
    public required CheckOutcome Variant { get; init; }

    /// <summary>The variant's message.</summary>
    public required string Message { get; init; }
}

/// <summary>A built-in sample plan.</summary>
public sealed record SampleSummary
{
    /// <summary>The sample's id.</summary>
    public required string Id { get; init; }

    /// <summary>A short title.</summary>
    public required string Title { get; init; }

    /// <summary>Where the figures come from, what is illustrative.</summary>
    public string? Description { get; init; }

    /// <summary>Where to get the plan, ready to post to <c>/v1/plans</c>.</summary>
    public required string Href { get; init; }
}

/// <summary>The totals of both plans, each with its difference (the same names as a plan's <c>totals</c>).</summary>
public sealed record CompareTotalsOutput
{
    /// <summary>The total cost.</summary>
    public required AmountDeltaOutput TotalCost { get; init; }

    /// <summary>What all funders pay.</summary>
    public required AmountDeltaOutput TotalFunded { get; init; }

    /// <summary>What public funders pay.</summary>
    public required AmountDeltaOutput PublicFunding { get; init; }

    /// <summary>What the carrier pays.</summary>
    public required AmountDeltaOutput CarrierShare { get; init; }

    /// <summary>What nobody funds.</summary>
    public required AmountDeltaOutput Unfunded { get; init; }

    /// <summary>What is funded beyond the cost.</summary>
    public required AmountDeltaOutput OverFunding { get; init; }
}
