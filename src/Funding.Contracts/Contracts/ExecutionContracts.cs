using NodaTime;

namespace Funding.Contracts;

/// <summary>A voted plan with what was actually spent and received: the question « what does each funder still owe? ».</summary>
public sealed record ExecutionRequest
{
    /// <summary>The voted plan (each funder's <c>execution</c> says how its due is computed).</summary>
    public required PlanRequest Plan { get; init; }

    /// <summary>The actual eligible expenses of each budget year (or give <c>monthlyExpenses</c>).</summary>
    public IReadOnlyList<BudgetYearInput>? ActualExpenses { get; init; }

    /// <summary>The actual eligible expenses month by month, instead of <c>actualExpenses</c>.</summary>
    public IReadOnlyList<MonthExpenseInput>? MonthlyExpenses { get; init; }

    /// <summary>The payments received from the funders.</summary>
    public IReadOnlyList<ReceiptInput>? Receipts { get; init; }
}

/// <summary>An actual expense of one month.</summary>
public sealed record MonthExpenseInput
{
    /// <summary>The month, YYYY-MM.</summary>
    public required string Month { get; init; }

    /// <summary>What was spent, in euros.</summary>
    public required decimal Amount { get; init; }
}

/// <summary>A payment received from a funder.</summary>
public sealed record ReceiptInput
{
    /// <summary>The funder (or group member) who paid.</summary>
    public required string FunderId { get; init; }

    /// <summary>When it was received (YYYY-MM-DD).</summary>
    public required LocalDate Date { get; init; }

    /// <summary>How much, in euros; negative for an amount paid back to the funder (« reversement »).</summary>
    public required decimal Amount { get; init; }

    /// <summary>The receipt's reference (« titre de recettes n° 2023-118 »).</summary>
    public string? Reference { get; init; }
}

/// <summary>How a funder's due is computed on the actual expenses.</summary>
public sealed record ExecutionTermsInput
{
    /// <summary>For a fixed contribution: due « au prorata des dépenses réalisées » (grant × actual / planned) instead of as promised (default false).</summary>
    public bool? ProRata { get; init; }

    /// <summary>
    /// For a rate: applied to the actual expense within the planned one and never more than the grant (décret
    /// n° 2018-514). Default: true for <c>state</c> funders, false otherwise.
    /// </summary>
    public bool? CapAtGrant { get; init; }
}

/// <summary>What each funder owes on the actual expenses, what it paid, and what is still to claim or to pay back.</summary>
public sealed record ExecutionResponse
{
    /// <summary>The version of the calculation rules.</summary>
    public required string CalculationVersion { get; init; }

    /// <summary>The voted plan's total cost.</summary>
    public required decimal PlannedCost { get; init; }

    /// <summary>The actual expenses, summed.</summary>
    public required decimal ActualExpenses { get; init; }

    /// <summary>What is still to claim from all funders (« soldes à percevoir »).</summary>
    public required decimal TotalToClaim { get; init; }

    /// <summary>What must be paid back to all funders (« trop-perçus à reverser »).</summary>
    public required decimal TotalToPayBack { get; init; }

    /// <summary>The finding in French.</summary>
    public required string Sentence { get; init; }

    /// <summary>Planned cost and actual expenses of each budget year.</summary>
    public required IReadOnlyList<PlannedActualOutput> ExpensesByBudgetYear { get; init; }

    /// <summary>Each paying funder, in plan order.</summary>
    public required IReadOnlyList<FunderExecutionOutput> Funders { get; init; }

    /// <summary>The carrier's actual treasury month by month, beside the forecast.</summary>
    public required IReadOnlyList<ActualTreasuryMonthOutput> Treasury { get; init; }

    /// <summary>Advances and installments received, against the dated ceilings.</summary>
    public required IReadOnlyList<CheckOutput> Checks { get; init; }
}

/// <summary>A planned and an actual figure for one budget year.</summary>
public sealed record PlannedActualOutput
{
    /// <summary>The budget year.</summary>
    public required int Year { get; init; }

    /// <summary>In the voted plan.</summary>
    public required decimal Planned { get; init; }

    /// <summary>On the actual expenses.</summary>
    public required decimal Actual { get; init; }

    /// <summary>Actual − planned.</summary>
    public required decimal Difference { get; init; }
}

/// <summary>One funder's due, receipts and balance.</summary>
public sealed record FunderExecutionOutput
{
    /// <summary>The funder's id.</summary>
    public required string Id { get; init; }

    /// <summary>The funder's name.</summary>
    public required string Name { get; init; }

    /// <summary>Its contribution in the voted plan.</summary>
    public required decimal Granted { get; init; }

    /// <summary>What it owes on the actual expenses.</summary>
    public required decimal Due { get; init; }

    /// <summary>What it paid.</summary>
    public required decimal Received { get; init; }

    /// <summary>Due − received: positive to claim, negative to pay back.</summary>
    public required decimal Balance { get; init; }

    /// <summary>Still to claim (« solde à percevoir »); zero for the carrier.</summary>
    public required decimal ToClaim { get; init; }

    /// <summary>To pay back (« trop-perçu à reverser »).</summary>
    public required decimal ToPayBack { get; init; }

    /// <summary>Whether the funder is the carrier, whose due is its own share.</summary>
    public required bool IsCarrier { get; init; }

    /// <summary>How the due was computed and what to do, in French.</summary>
    public required string Sentence { get; init; }

    /// <summary>The due's own explanation, as the plan evaluated on the actual expenses gives it.</summary>
    public ExplanationOutput? Explanation { get; init; }

    /// <summary>Planned and actual contribution to each budget year's cost.</summary>
    public required IReadOnlyList<PlannedActualOutput> ByBudgetYear { get; init; }
}

/// <summary>One month of the carrier's actual treasury.</summary>
public sealed record ActualTreasuryMonthOutput
{
    /// <summary>The month, YYYY-MM.</summary>
    public required string Month { get; init; }

    /// <summary>What was spent.</summary>
    public required decimal Spent { get; init; }

    /// <summary>What the other funders paid.</summary>
    public required decimal Received { get; init; }

    /// <summary>The cumulative balance: received − spent since the start.</summary>
    public required decimal Balance { get; init; }

    /// <summary>The voted plan's cumulative balance for the month.</summary>
    public required decimal ForecastBalance { get; init; }
}

/// <summary>What was spent and received on a saved plan, to record as a new entry of its execution history.</summary>
public sealed record RecordExecutionRequest
{
    /// <summary>The plan version the entry applies to; default its latest signed version, else its latest.</summary>
    public int? Version { get; init; }

    /// <summary>What this entry is (« état au 31 décembre 2023 », « titre n° 2024-12 reçu »).</summary>
    public string? Comment { get; init; }

    /// <summary>The actual eligible expenses of each budget year (or give <c>monthlyExpenses</c>).</summary>
    public IReadOnlyList<BudgetYearInput>? ActualExpenses { get; init; }

    /// <summary>The actual eligible expenses month by month, instead of <c>actualExpenses</c>.</summary>
    public IReadOnlyList<MonthExpenseInput>? MonthlyExpenses { get; init; }

    /// <summary>The payments received from the funders.</summary>
    public IReadOnlyList<ReceiptInput>? Receipts { get; init; }
}

/// <summary>One recorded entry of a saved plan's execution history, with what it gives today.</summary>
public sealed record ExecutionEntryResponse
{
    /// <summary>The saved plan's id.</summary>
    public required string PlanId { get; init; }

    /// <summary>The entry's number, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The plan version it applies to.</summary>
    public required int Version { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>The name of the key that recorded it.</summary>
    public required string Author { get; init; }

    /// <summary>What this entry is.</summary>
    public required string Comment { get; init; }

    /// <summary>The expenses and receipts as recorded.</summary>
    public required RecordExecutionRequest Execution { get; init; }

    /// <summary>Dues, receipts and balances for that plan version (null in lists).</summary>
    public ExecutionResponse? Result { get; init; }
}

/// <summary>A recorded execution entry as exported with its plan.</summary>
public sealed record ExportedExecution
{
    /// <summary>The entry's number.</summary>
    public required int Number { get; init; }

    /// <summary>The plan version it applies to.</summary>
    public required int Version { get; init; }

    /// <summary>When it was recorded (UTC).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Who recorded it.</summary>
    public required string Author { get; init; }

    /// <summary>What it is.</summary>
    public required string Comment { get; init; }

    /// <summary>The expenses and receipts as recorded.</summary>
    public required RecordExecutionRequest Execution { get; init; }
}
