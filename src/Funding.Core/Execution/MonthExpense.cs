using NodaTime;

namespace Funding.Execution;

/// <summary>An actual expense of one month.</summary>
/// <param name="Month">The month.</param>
/// <param name="Amount">What was spent, zero or more.</param>
public sealed record MonthExpense(YearMonth Month, Money Amount);
