using Funding.Plans;

namespace Funding.Contracts;

/// <summary>The report of a plan as JSON: the same content as the Markdown, HTML and CSV reports.</summary>
public sealed record ReportResponse
{
    /// <summary>The version of the calculation rules that produced these figures.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>The plan's name.</summary>
    public required string Title { get; init; }

    /// <summary>The financing table ("plan de financement").</summary>
    public required ReportTableOutput Table { get; init; }

    /// <summary>The explanation of every figure, in plan order.</summary>
    public required IReadOnlyList<ReportExplanationOutput> Explanations { get; init; }

    /// <summary>The checks as sentences.</summary>
    public required IReadOnlyList<ReportCheckOutput> Checks { get; init; }

    /// <summary>Each funder's total (and yearly amount) in words.</summary>
    public required IReadOnlyList<AmountInWordsOutput> AmountsInWords { get; init; }

    /// <summary>The deliberation paragraph for the chosen funder, when one was chosen.</summary>
    public DeliberationOutput? Deliberation { get; init; }
}

/// <summary>The financing table.</summary>
public sealed record ReportTableOutput
{
    /// <summary>The budget years, one column each.</summary>
    public required IReadOnlyList<int> Years { get; init; }

    /// <summary>One row per funder.</summary>
    public required IReadOnlyList<ReportRowOutput> Rows { get; init; }

    /// <summary>The total row.</summary>
    public required ReportRowOutput Total { get; init; }

    /// <summary>The cost of each budget year, in euros.</summary>
    public required IReadOnlyList<YearAmountOutput> CostByYear { get; init; }

    /// <summary>The total cost, in euros.</summary>
    public required decimal TotalCost { get; init; }
}

/// <summary>A row of the financing table, in numbers and as French text.</summary>
public sealed record ReportRowOutput
{
    /// <summary>The funder's id; absent for the total row.</summary>
    public string? FunderId { get; init; }

    /// <summary>The funder's name, or « Total ».</summary>
    public required string Name { get; init; }

    /// <summary>The amount for the whole period, in euros.</summary>
    public required decimal Amount { get; init; }

    /// <summary>The amount in percent of the total cost, to 6 decimal places.</summary>
    public required decimal ShareOfCostPercent { get; init; }

    /// <summary>The amount of each budget year, in euros.</summary>
    public required IReadOnlyList<YearAmountOutput> ByYear { get; init; }

    /// <summary>The same figures in French format.</summary>
    public required ReportRowFormattedOutput Formatted { get; init; }
}

/// <summary>A row's figures in French format.</summary>
public sealed record ReportRowFormattedOutput
{
    /// <summary>The amount: <c>23 187,00 €</c>.</summary>
    public required string Amount { get; init; }

    /// <summary>The share of the cost: <c>11,17 %</c>.</summary>
    public required string ShareOfCost { get; init; }

    /// <summary>The amount of each budget year.</summary>
    public required IReadOnlyList<string> ByYear { get; init; }
}

/// <summary>The explanation of a figure and of its parts.</summary>
public sealed record ReportExplanationOutput
{
    /// <summary>The funder or group it explains; absent for the cost and the treasury.</summary>
    public string? FunderId { get; init; }

    /// <summary>What it explains.</summary>
    public required string Subject { get; init; }

    /// <summary>The sentence.</summary>
    public required string Sentence { get; init; }

    /// <summary>The sentences of the parts (payments, the cost of each year).</summary>
    public required IReadOnlyList<string> Details { get; init; }
}

/// <summary>A check as a report states it.</summary>
public sealed record ReportCheckOutput
{
    /// <summary>The check's id.</summary>
    public required string Id { get; init; }

    /// <summary>The outcome.</summary>
    public required CheckOutcome Outcome { get; init; }

    /// <summary>The outcome in French: « Respecté », « Non respecté », « Attention », « Sans objet ».</summary>
    public required string Label { get; init; }

    /// <summary>What was found.</summary>
    public required string Message { get; init; }

    /// <summary>The legal source.</summary>
    public required string Source { get; init; }
}

/// <summary>A funder's amounts in words.</summary>
public sealed record AmountInWordsOutput
{
    /// <summary>The funder's id.</summary>
    public required string FunderId { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its total, in euros.</summary>
    public required decimal Total { get; init; }

    /// <summary>Its total in words.</summary>
    public required string TotalInWords { get; init; }

    /// <summary>Its yearly amount, in euros, for a fixed yearly contribution.</summary>
    public decimal? AnnualAmount { get; init; }

    /// <summary>That amount in words.</summary>
    public string? AnnualAmountInWords { get; init; }
}

/// <summary>A deliberation paragraph and its decision line.</summary>
public sealed record DeliberationOutput
{
    /// <summary>The funder it is written for.</summary>
    public required string FunderId { get; init; }

    /// <summary>The paragraph: « Le coût pour … serait de … ».</summary>
    public required string Paragraph { get; init; }

    /// <summary>The decision line, following « le conseil décide de ».</summary>
    public required string Decision { get; init; }
}
