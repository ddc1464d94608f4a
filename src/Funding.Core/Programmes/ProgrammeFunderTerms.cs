using Funding.Plans;
using Funding.Rules;
using NodaTime;

namespace Funding.Programmes;

/// <summary>One of the programme's funders, with the rule the programme allows it (its agreed fields taken from the plan).</summary>
/// <param name="FunderId">The funder's id, as in the plan.</param>
/// <param name="Rule">The rule the programme allows.</param>
/// <param name="Source">Where the rule comes from.</param>
public sealed record ProgrammeFunderTerms(string FunderId, ContributionRule Rule, string Source);
