using Funding.Plans;

namespace Funding.Rules;

/// <summary>A parameter of a funder's rule that a sweep varies: a rate, a cap, an annual amount, a key.</summary>
/// <param name="Parameter">What varies.</param>
/// <param name="Year">For a value given per year of the post (a degressive rate), the year, from 1; null otherwise.</param>
public readonly record struct RuleParameter(SweepParameter Parameter, int? Year = null);
