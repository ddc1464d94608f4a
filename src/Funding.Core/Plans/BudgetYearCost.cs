namespace Funding.Plans;

/// <summary>The cost of one budget year of the plan, with its explanation.</summary>
/// <param name="Year">The budget year.</param>
/// <param name="Amount">Its cost; the years sum exactly to the total cost.</param>
/// <param name="Sentence">How it was obtained: « 2022 : 9 mois sur 24, 207 600,00 € × 9/24 = 77 850,00 €. »</param>
public sealed record BudgetYearCost(int Year, Money Amount, string Sentence);
