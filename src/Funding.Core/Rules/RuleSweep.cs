using Funding.Plans;

namespace Funding.Rules;

/// <summary>A field of a rule that a sweep may vary, as the descriptor declares it.</summary>
/// <param name="Parameter">The sweep's parameter (<c>rate</c>, <c>cap</c>, <c>annualAmount</c>, <c>key</c>).</param>
/// <param name="Field">
/// The field it varies, a path in the rule's JSON (<c>ratePercent</c>, <c>pool.percent</c>): the parameter is offered only
/// when the rule has that field.
/// </param>
/// <param name="Label">The French label (« taux »).</param>
public sealed record RuleSweep(SweepParameter Parameter, string Field, string Label)
{
    /// <summary>Whether the field is a list and each of its items is a parameter of its own (<c>year</c> 1, 2, 3…).</summary>
    public bool PerItem { get; init; }

    /// <summary>A field the rule must have for the parameter to be offered (a group's cap only with a percentage pool: <c>pool.percent</c>), or null.</summary>
    public string? Requires { get; init; }
}
