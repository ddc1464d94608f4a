namespace Funding.Rules;

/// <summary>A registered rule type: its descriptor and how it reads itself (<see cref="RuleCatalog"/>).</summary>
/// <param name="Descriptor">The descriptor.</param>
/// <param name="Read">Builds the rule from its fields.</param>
public sealed record RuleType(RuleDescriptor Descriptor, Func<IRuleReader, ContributionRule> Read);
