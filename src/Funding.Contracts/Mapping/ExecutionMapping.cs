using System.Globalization;
using Funding.Contracts.Errors;
using Funding.Execution;
using Funding.Plans;
using NodaTime;
using NodaTime.Text;

namespace Funding.Contracts.Mapping;

/// <summary>Executions between the JSON contract and the domain.</summary>
internal static class ExecutionMapping
{
    private static readonly YearMonthPattern MonthPattern = YearMonthPattern.CreateWithInvariantCulture("uuuu'-'MM");

    /// <summary>The domain input, or null when the request has errors (then in <paramref name="errors"/>).</summary>
    public static ExecutionInput? ToDomain(ExecutionRequest request, RequestErrors errors)
    {
        bool ok = errors.NoNullItems(request.ActualExpenses, "actualExpenses")
            & errors.NoNullItems(request.MonthlyExpenses, "monthlyExpenses")
            & errors.NoNullItems(request.Receipts, "receipts");
        if (!ok)
        {
            return null;
        }
        int before = errors.Count;
        var years = (request.ActualExpenses ?? []).Select((y, i) => new BudgetYearAmount(y.Year, errors.Money(y.Amount, $"actualExpenses[{i}].amount"))).ToArray();
        var months = (request.MonthlyExpenses ?? []).Select((m, i) =>
        {
            var parsed = MonthPattern.Parse(m.Month);
            if (!parsed.Success)
            {
                errors.Add($"monthlyExpenses[{i}].month", ErrorCodes.DateInvalid,
                    $"« {m.Month} » n'est pas un mois de la forme AAAA-MM (2023-01).", $"'{m.Month}' is not a month in the YYYY-MM form (2023-01).");
            }
            return new MonthExpense(parsed.Success ? parsed.Value : new YearMonth(2000, 1), errors.Money(m.Amount, $"monthlyExpenses[{i}].amount"));
        }).ToArray();
        var receipts = (request.Receipts ?? []).Select((r, i) => new Receipt(r.FunderId, r.Date, errors.Money(r.Amount, $"receipts[{i}].amount"), r.Reference)).ToArray();
        return errors.Count > before ? null : new ExecutionInput(years, receipts) { MonthlyExpenses = months };
    }

    /// <summary>The execution as the JSON contract writes it.</summary>
    public static ExecutionResponse ToResponse(ExecutionResult result, ExplainLevel explain = ExplainLevel.Full) => new()
    {
        CalculationVersion = CalculationVersion.Current,
        PlannedCost = result.PlannedCost.Amount,
        ActualExpenses = result.ActualExpenses.Amount,
        TotalToClaim = result.TotalToClaim.Amount,
        TotalToPayBack = result.TotalToPayBack.Amount,
        Sentence = result.Sentence,
        ExpensesByBudgetYear = result.ExpensesByBudgetYear.Select(Year).ToArray(),
        Funders = result.Funders.Select(f => new FunderExecutionOutput
        {
            Id = f.FunderId,
            Name = f.Name,
            Granted = f.Granted.Amount,
            Due = f.Due.Amount,
            Received = f.Received.Amount,
            Balance = f.Balance.Amount,
            ToClaim = f.ToClaim.Amount,
            ToPayBack = f.ToPayBack.Amount,
            IsCarrier = f.IsCarrier,
            Sentence = f.Sentence,
            Explanation = PlanResultMapping.Explanation(result.Actual.Funder(f.FunderId).Explanation, explain),
            ByBudgetYear = f.ByBudgetYear.Select(Year).ToArray(),
        }).ToArray(),
        Treasury = result.Treasury.Select(m => new ActualTreasuryMonthOutput
        {
            Month = m.Month.ToString("uuuu'-'MM", CultureInfo.InvariantCulture),
            Spent = m.Spent.Amount,
            Received = m.Received.Amount,
            Balance = m.Balance.Amount,
            ForecastBalance = m.ForecastBalance.Amount,
        }).ToArray(),
        Checks = result.Checks.Select(c => new CheckOutput { Id = c.Id, Outcome = c.Outcome, Passed = c.Passed, Message = c.Message, Source = c.Source }).ToArray(),
    };

    private static PlannedActualOutput Year(PlannedAndActual y) => new() { Year = y.Year, Planned = y.Planned.Amount, Actual = y.Actual.Amount, Difference = y.Difference.Amount };
}
