using Funding.Plans;
using NodaTime;

namespace Funding.Contracts;

/// <summary>A plan and one or two parameters to vary over lists or ranges.</summary>
public sealed record SweepRequest
{
    /// <summary>The plan.</summary>
    public required PlanRequest Plan { get; init; }

    /// <summary>One or two parameters; the last varies fastest. At most 100 000 scenarios in all.</summary>
    public required IReadOnlyList<SweepParameterInput> Parameters { get; init; }

    /// <summary>Whether each scenario also gives each funder's contribution to each budget year.</summary>
    public bool ByBudgetYear { get; init; }
}

/// <summary>
/// A parameter and its values: <c>values</c> or <c>range</c> for a rate (percent) or an amount (euros), <c>dates</c> or
/// <c>dateRange</c> for the start date, <c>keys</c> for a group's key — exactly one of them.
/// </summary>
public sealed record SweepParameterInput
{
    /// <summary>What varies: rate, cap, annualAmount, cost, startDate or key.</summary>
    public required SweepParameter Parameter { get; init; }

    /// <summary>The funder (rate, cap, annualAmount) or group (key); absent for cost and startDate.</summary>
    public string? FunderId { get; init; }

    /// <summary>For a rate given per year of the post (a degressive rate), which year's rate varies, from 1; absent otherwise.</summary>
    public int? Year { get; init; }

    /// <summary>The values of a rate (in percent: 50 is 50 %) or an amount (euros).</summary>
    public IReadOnlyList<decimal>? Values { get; init; }

    /// <summary>A range of values of a rate or an amount.</summary>
    public SweepRangeInput? Range { get; init; }

    /// <summary>The start dates (first days of months).</summary>
    public IReadOnlyList<LocalDate>? Dates { get; init; }

    /// <summary>A range of start dates.</summary>
    public SweepDateRangeInput? DateRange { get; init; }

    /// <summary>The keys of the group, each with a unique name.</summary>
    public IReadOnlyList<NamedKeyInput>? Keys { get; init; }
}

/// <summary>From, to (included when the steps reach it) and step, all positive or zero.</summary>
public sealed record SweepRangeInput
{
    /// <summary>The first value.</summary>
    public required decimal From { get; init; }

    /// <summary>The last value, at least <see cref="From"/>.</summary>
    public required decimal To { get; init; }

    /// <summary>The step, above zero.</summary>
    public required decimal Step { get; init; }
}

/// <summary>Start dates from one first-of-month to another, every <see cref="StepMonths"/> months.</summary>
public sealed record SweepDateRangeInput
{
    /// <summary>The first start date.</summary>
    public required LocalDate From { get; init; }

    /// <summary>The last start date, at least <see cref="From"/>.</summary>
    public required LocalDate To { get; init; }

    /// <summary>Months between two dates, 1 to 120 (default 1).</summary>
    /// <remarks>
    /// A setter, not <c>init</c>: the source-generated metadata sets every init-only property in one object initializer,
    /// to its type's default when the body leaves it out, so an omitted step read 0 there and 1 through reflection
    /// (dotnet/runtime#84484). A setter is called only for a property the body gives.
    /// </remarks>
    public int StepMonths { get; set; } = 1;
}

/// <summary>Every scenario of a sweep with each funder's range.</summary>
public sealed record SweepResponse
{
    /// <summary>The version of the calculation rules.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>How many scenarios.</summary>
    public required int Count { get; init; }

    /// <summary>The index in <c>scenarios</c> (from 0) of the scenario whose values are the plan's own (the current plan, to mark on a chart), if one is; its <c>number</c> is this + 1.</summary>
    public int? PlanScenario { get; init; }

    /// <summary>The parameters with their values in French.</summary>
    public required IReadOnlyList<SweepParameterOutput> Parameters { get; init; }

    /// <summary>The budget years of <c>byBudgetYear</c>: every year a scenario touches.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>The funders, in the order of each scenario's totals, with their smallest and largest totals.</summary>
    public required IReadOnlyList<SweepFunderOutput> Funders { get; init; }

    /// <summary>The scenarios, the last parameter varying fastest.</summary>
    public required IReadOnlyList<SweepScenarioOutput> Scenarios { get; init; }
}

/// <summary>A parameter of the sweep.</summary>
public sealed record SweepParameterOutput
{
    /// <summary>What varies: rate, cap, annualAmount, cost, startDate or key.</summary>
    public required SweepParameter Parameter { get; init; }

    /// <summary>The funder or group concerned.</summary>
    public string? FunderId { get; init; }

    /// <summary>The year of the post whose rate varies, for a rate given per year.</summary>
    public int? Year { get; init; }

    /// <summary>What varies, in French (« plafond de l'État »).</summary>
    public required string Name { get; init; }

    /// <summary>Each value in French (« 80 000,00 € », « 50 % », « 01/04/2022 », a key's name).</summary>
    public required IReadOnlyList<string> Labels { get; init; }
}

/// <summary>A funder across the sweep.</summary>
public sealed record SweepFunderOutput
{
    /// <summary>The funder's id.</summary>
    public required string Id { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its smallest total.</summary>
    public required decimal Min { get; init; }

    /// <summary>The index in <c>scenarios</c> (from 0) of the first scenario giving it; its <c>number</c> is this + 1.</summary>
    public required int MinScenario { get; init; }

    /// <summary>Its largest total.</summary>
    public required decimal Max { get; init; }

    /// <summary>The index in <c>scenarios</c> (from 0) of the first scenario giving it; its <c>number</c> is this + 1.</summary>
    public required int MaxScenario { get; init; }
}

/// <summary>One scenario.</summary>
public sealed record SweepScenarioOutput
{
    /// <summary>The scenario's number, from 1, as the CSV's « Scénario » column and the workbook count them (its index in <c>scenarios</c> + 1).</summary>
    public required int Number { get; init; }

    /// <summary>The index of each parameter's value.</summary>
    public required IReadOnlyList<int> Values { get; init; }

    /// <summary>The total cost.</summary>
    public required decimal TotalCost { get; init; }

    /// <summary>Each funder's total, in the order of <c>funders</c>.</summary>
    public required IReadOnlyList<decimal> Totals { get; init; }

    /// <summary>With <c>byBudgetYear</c>: each funder's contribution to each year of <c>years</c>.</summary>
    public IReadOnlyList<IReadOnlyList<decimal>>? ByBudgetYear { get; init; }

    /// <summary>What no funder pays.</summary>
    public required decimal Unfunded { get; init; }

    /// <summary>What the funders pay beyond the cost.</summary>
    public required decimal OverFunding { get; init; }
}
