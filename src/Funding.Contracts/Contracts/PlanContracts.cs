using System.Text.Json.Serialization;
using Funding.Plans;
using Funding.Rules;
using NodaTime;

namespace Funding.Contracts;

/// <summary>A co-financing plan ("plan de financement"): its cost and its funders, in waterfall order.</summary>
public sealed record PlanRequest
{
    /// <summary>The plan's name (at most 200 characters).</summary>
    public required string Name { get; init; }

    /// <summary>Where the figures come from, what is illustrative.</summary>
    public string? Description { get; init; }

    /// <summary>What the project costs, over which period.</summary>
    public required CostInput Cost { get; init; }

    /// <summary>The funders, in the order their rules apply (1 to 2 000, group members included).</summary>
    public required IReadOnlyList<FunderInput> Funders { get; init; }

    /// <summary>Ceilings several consecutive funders share (« ensemble au plus 75 % et 45 000 € par an »).</summary>
    public IReadOnlyList<SharedCeilingInput>? SharedCeilings { get; init; }

    /// <summary>Rounding and the parameters of the checks.</summary>
    public PlanOptionsInput? Options { get; init; }

    /// <summary>
    /// The programme ("dispositif") the plan follows: its rules in force on <c>rulesOf</c> (the plan's start by default)
    /// are checked (<c>programme-conformity</c>). <c>POST /v1/programmes/{id}/plans</c> writes it.
    /// </summary>
    public ProgrammeReferenceInput? Programme { get; init; }
}

/// <summary>
/// A ceiling several funders share: their contributions together are at most <c>ratePercent</c> of the cost and/or
/// <c>amount</c>, per budget year or over the period; the excess is taken off in waterfall order or pro rata.
/// </summary>
public sealed record SharedCeilingInput
{
    /// <summary>A unique identifier among the plan's ceilings.</summary>
    public required string Id { get; init; }

    /// <summary>The name explanations use (« partenaires PVD »).</summary>
    public required string Name { get; init; }

    /// <summary>The ids of the funders sharing it: at least two, consecutive in <c>funders</c>, each with a <c>rate</c> or <c>match</c> rule.</summary>
    public required IReadOnlyList<string> FunderIds { get; init; }

    /// <summary>The most they fund together, in percent of the cost (of each budget year with <c>per: budgetYear</c>).</summary>
    public decimal? RatePercent { get; init; }

    /// <summary>The most they fund together, in euros (each budget year with <c>per: budgetYear</c>).</summary>
    public decimal? Amount { get; init; }

    /// <summary>Whether the ceiling holds over the <c>period</c> (default) or for each <c>budgetYear</c>.</summary>
    public CapScope? Per { get; init; }

    /// <summary>How the excess is taken off: <c>waterfall</c> (default: the last funders give way first) or <c>proRata</c> of their own amounts.</summary>
    public CeilingSharing? Sharing { get; init; }
}

/// <summary>The cost: an <c>annual</c> cost over a period, or explicit amounts <c>perBudgetYear</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(AnnualCostInput), "annual")]
[JsonDerivedType(typeof(PerBudgetYearCostInput), "perBudgetYear")]
public abstract record CostInput;

/// <summary>An annual cost over a period of months: 103 800 € a year from 2022-04-01 for 24 months.</summary>
public sealed record AnnualCostInput : CostInput
{
    /// <summary>The cost of a full year, in euros ("coût total estimé annuel").</summary>
    public required decimal AnnualAmount { get; init; }

    /// <summary>The first day of the period (YYYY-MM-DD), between 1990 and 2150.</summary>
    public required LocalDate Start { get; init; }

    /// <summary>The duration in months, 1 to 600.</summary>
    public required int Months { get; init; }

    /// <summary>How partial budget years are weighted: <c>months</c> (default) or <c>days</c>.</summary>
    public ProrataBasis? Prorata { get; init; }

    /// <summary>
    /// A yearly progression of the cost from the second budget year, in percent (2.5 for a salary progression of
    /// +2,5 % a year): each budget year costs annualAmount × (1 + growth)^rank × its months / 12, rounded to the cent.
    /// </summary>
    public decimal? GrowthPercent { get; init; }
}

/// <summary>Explicit amounts for consecutive budget years.</summary>
public sealed record PerBudgetYearCostInput : CostInput
{
    /// <summary>The cost of each budget year, consecutive and ascending (1 to 50).</summary>
    public required IReadOnlyList<BudgetYearInput> Years { get; init; }

    /// <summary>The first day of the period, the first of a month of the first year; default 1 January.</summary>
    public LocalDate? Start { get; init; }
}

/// <summary>The cost of one budget year.</summary>
public sealed record BudgetYearInput
{
    /// <summary>The budget year ("exercice").</summary>
    public required int Year { get; init; }

    /// <summary>Its cost, in euros.</summary>
    public required decimal Amount { get; init; }
}

/// <summary>A funder, or a group of funders sharing a pool, with its rule and how it pays.</summary>
public sealed record FunderInput
{
    /// <summary>A unique identifier among all funders and group members (<c>etat</c>, <c>qbo</c>).</summary>
    public required string Id { get; init; }

    /// <summary>The name reports use (« État »).</summary>
    public required string Name { get; init; }

    /// <summary>The legal nature of the funder.</summary>
    public required FunderKind Kind { get; init; }

    /// <summary>How the contribution is computed.</summary>
    public required RuleInput Rule { get; init; }

    /// <summary>How the funder pays; when absent, per budget year for yearly rules and once for the others.</summary>
    public PaymentInput? Payment { get; init; }

    /// <summary>How the funder's due is computed on actual expenses (<c>POST /v1/plans/execution</c>); default by its kind.</summary>
    public ExecutionTermsInput? Execution { get; init; }

    /// <summary>The funder's SIREN (9 digits, Luhn key checked): the same body across plans in the portfolio, whatever id each plan gives it.</summary>
    public string? Siren { get; init; }
}

/// <summary>A group's pool: a <c>fixed</c> amount, or a <c>percentOfRemaining</c> of what is left to fund.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(FixedPoolInput), "fixed")]
[JsonDerivedType(typeof(PercentOfRemainingPoolInput), "percentOfRemaining")]
public abstract record PoolInput;

/// <summary>A fixed pool, promised as is.</summary>
public sealed record FixedPoolInput : PoolInput
{
    /// <summary>The pool, in euros.</summary>
    public required decimal Amount { get; init; }
}

/// <summary>A percentage of what is left to fund at that point of the waterfall.</summary>
public sealed record PercentOfRemainingPoolInput : PoolInput
{
    /// <summary>The percentage, 0 to 100.</summary>
    public required decimal Percent { get; init; }
}

/// <summary>A member of a key-share group.</summary>
public sealed record MemberInput
{
    /// <summary>A unique identifier among all funders and members.</summary>
    public required string Id { get; init; }

    /// <summary>The name reports use.</summary>
    public required string Name { get; init; }

    /// <summary>The legal nature of the member; <c>epci</c> when absent.</summary>
    public FunderKind? Kind { get; init; }

    /// <summary>The member's weight (population…) for a key without <c>weightName</c>.</summary>
    public decimal? Weight { get; init; }

    /// <summary>Named weights, for keys that name theirs.</summary>
    public IReadOnlyDictionary<string, decimal>? Weights { get; init; }

    /// <summary>The most this member pays, in euros.</summary>
    public decimal? Cap { get; init; }

    /// <summary>The least this member pays, in euros.</summary>
    public decimal? Floor { get; init; }
}

/// <summary>How a funder pays: <c>once</c>, <c>perBudgetYear</c>, <c>advanceAndBalance</c> or <c>monthly</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "type")]
[JsonDerivedType(typeof(OncePaymentInput), "once")]
[JsonDerivedType(typeof(PerBudgetYearPaymentInput), "perBudgetYear")]
[JsonDerivedType(typeof(AdvanceAndBalancePaymentInput), "advanceAndBalance")]
[JsonDerivedType(typeof(MonthlyPaymentInput), "monthly")]
public abstract record PaymentInput;

/// <summary>The whole amount at once.</summary>
public sealed record OncePaymentInput : PaymentInput
{
    /// <summary>The payment date; the period's first day when absent.</summary>
    public LocalDate? Date { get; init; }
}

/// <summary>One payment per budget year, prorated.</summary>
public sealed record PerBudgetYearPaymentInput : PaymentInput
{
    /// <summary><c>months</c> or <c>days</c>; when absent, the cost's own basis (<c>cost.prorata</c>).</summary>
    public ProrataBasis? Prorata { get; init; }

    /// <summary>The day of the year each payment is made, <c>MM-DD</c> (e.g. <c>06-30</c>); the start of each year's part when absent.</summary>
    public string? PayOn { get; init; }
}

/// <summary>An advance at the start, optional installments, the balance at the end.</summary>
public sealed record AdvanceAndBalancePaymentInput : PaymentInput
{
    /// <summary>The advance in percent of the contribution, 0 to 100.</summary>
    public required decimal AdvancePercent { get; init; }

    /// <summary>Installments ("acomptes"), in date order, within the period.</summary>
    public IReadOnlyList<InstallmentInput>? Installments { get; init; }

    /// <summary>The balance date; the period's last day when absent.</summary>
    public LocalDate? BalanceDate { get; init; }

    /// <summary>Whether the advance is covered by a guarantee (legal ceiling 60 % instead of 30 %).</summary>
    public bool? AdvanceGuaranteed { get; init; }
}

/// <summary>An installment: a percentage of the contribution at a date.</summary>
public sealed record InstallmentInput
{
    /// <summary>The payment date.</summary>
    public required LocalDate Date { get; init; }

    /// <summary>The percentage of the contribution.</summary>
    public required decimal Percent { get; init; }
}

/// <summary>Equal monthly payments on the first day of each month of the period.</summary>
public sealed record MonthlyPaymentInput : PaymentInput;

/// <summary>Rounding and the parameters of the checks.</summary>
public sealed record PlanOptionsInput
{
    /// <summary><c>half-away-from-zero</c> (default), <c>half-to-even</c> or <c>toward-zero</c>.</summary>
    public string? Rounding { get; init; }

    /// <summary>The carrier's id; the remainder funder when absent.</summary>
    public string? CarrierId { get; init; }

    /// <summary>The ceiling of public aid from funders other than the carrier, in percent of the cost; 80 for a local-authority carrier, 100 otherwise, when absent.</summary>
    public decimal? PublicAidCeilingPercent { get; init; }

    /// <summary>Whether to check the minimum own share of a local-authority carrier; automatic when absent.</summary>
    public bool? CheckLocalAuthorityOwnShare { get; init; }

    /// <summary>The minimum own share of a local-authority carrier, in percent of public funding (default 20).</summary>
    public decimal? LocalAuthorityMinimumSharePercent { get; init; }

    /// <summary>The yearly amount above which a grant to a private body needs a written agreement, in euros; when absent, the value in force on the plan's start (23000).</summary>
    public decimal? WrittenAgreementThreshold { get; init; }

    /// <summary>The de minimis aid the carrier, an undertaking, already received over the reference period, in euros; the de-minimis check needs it.</summary>
    public decimal? DeMinimisAlreadyReceived { get; init; }
}

/// <summary>Two plans to compare.</summary>
public sealed record CompareRequest
{
    /// <summary>The reference plan.</summary>
    public required PlanRequest Baseline { get; init; }

    /// <summary>The changed plan.</summary>
    public required PlanRequest Variant { get; init; }
}

/// <summary>A group of a plan split by several keys side by side.</summary>
public sealed record KeyComparisonRequest
{
    /// <summary>The plan.</summary>
    public required PlanRequest Plan { get; init; }

    /// <summary>The id of a key-share group of the plan.</summary>
    public required string GroupId { get; init; }

    /// <summary>The keys to compare (1 to 20), each with a unique name.</summary>
    public required IReadOnlyList<NamedKeyInput> Keys { get; init; }
}

/// <summary>A key with the name the comparison shows it under.</summary>
public sealed record NamedKeyInput
{
    /// <summary>The name (« parts égales », « potentiel fiscal »).</summary>
    public required string Name { get; init; }

    /// <summary>The key: equal parts, a weight (named with <c>weightName</c> when the members carry several), or a mix.</summary>
    public required KeyInput Key { get; init; }
}

/// <summary>Each member of a group under the plan's key and under every key compared.</summary>
public sealed record KeyComparisonResponse
{
    /// <summary>The version of the calculation rules.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>The group.</summary>
    public required string GroupId { get; init; }

    /// <summary>The plan's key, as explanations name it.</summary>
    public required string PlanKey { get; init; }

    /// <summary>What the members pay together under the plan's key.</summary>
    public required decimal PlanAllocated { get; init; }

    /// <summary>The keys compared, in order, with what the members pay together under each.</summary>
    public required IReadOnlyList<ComparedKeyOutput> Keys { get; init; }

    /// <summary>Each member, in the group's order.</summary>
    public required IReadOnlyList<KeyComparisonMemberOutput> Members { get; init; }
}

/// <summary>A key compared.</summary>
public sealed record ComparedKeyOutput
{
    /// <summary>Its name.</summary>
    public required string Name { get; init; }

    /// <summary>What the members pay together under it.</summary>
    public required decimal Allocated { get; init; }
}

/// <summary>A member under each key.</summary>
public sealed record KeyComparisonMemberOutput
{
    /// <summary>The member's id.</summary>
    public required string Id { get; init; }

    /// <summary>The member's name.</summary>
    public required string Name { get; init; }

    /// <summary>What it pays under the plan's key.</summary>
    public required decimal Plan { get; init; }

    /// <summary>What it would pay under each key, with the difference to the plan's key, in the order of the keys.</summary>
    public required IReadOnlyList<MemberUnderKeyOutput> ByKey { get; init; }

    /// <summary>The comparison in French.</summary>
    public required string Sentence { get; init; }
}

/// <summary>A member under one key.</summary>
public sealed record MemberUnderKeyOutput
{
    /// <summary>The key's name.</summary>
    public required string Key { get; init; }

    /// <summary>What the member would pay.</summary>
    public required decimal Amount { get; init; }

    /// <summary>Amount − what it pays under the plan's key.</summary>
    public required decimal Difference { get; init; }
}

/// <summary>The programme a plan follows, and the day whose rules it follows.</summary>
public sealed record ProgrammeReferenceInput
{
    /// <summary>The programme's id in the catalogue (<c>GET /v1/programmes</c>): a national one, or one of the workspace's own.</summary>
    public required string Id { get; init; }

    /// <summary>The day whose rules apply; the plan's start when absent.</summary>
    public NodaTime.LocalDate? RulesOf { get; init; }

    /// <summary>
    /// For a workspace's own programme, the version whose rules apply (the latest when absent); read with the
    /// workspace's key or token. National programmes have no versions: their rules are dated.
    /// </summary>
    public int? Version { get; init; }
}
