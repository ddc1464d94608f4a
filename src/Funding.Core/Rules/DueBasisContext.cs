using Funding.Execution;

namespace Funding.Rules;

/// <summary>What a rule's due on actual expenses is based on, for the execution's sentence.</summary>
/// <param name="Terms">The funder's execution terms.</param>
/// <param name="Granted">The funder's contribution in the voted plan.</param>
/// <param name="ActualTotal">The actual expenses.</param>
/// <param name="PlannedTotal">The voted plan's total cost.</param>
internal sealed record DueBasisContext(ExecutionTerms Terms, Money Granted, Money ActualTotal, Money PlannedTotal);
