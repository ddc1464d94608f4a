namespace Funding.Rules;

/// <summary>One value of a choice field, with its French label.</summary>
/// <param name="Value">The JSON value (<c>budgetYear</c>).</param>
/// <param name="Label">The French label (« par exercice »).</param>
public sealed record RuleChoice(string Value, string Label);
