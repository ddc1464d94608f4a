namespace Funding.Execution;

/// <summary>What a funder owes on the actual expenses, what it paid, and the balance.</summary>
/// <param name="FunderId">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Granted">Its contribution in the voted plan.</param>
/// <param name="Due">What it owes on the actual expenses, under its rule and terms.</param>
/// <param name="Received">What it paid.</param>
/// <param name="Balance">Due − received: positive, still to claim (« solde à percevoir »); negative, to pay back (« trop-perçu à reverser »).</param>
/// <param name="Sentence">How the due was computed and what to do, in French.</param>
/// <param name="ByBudgetYear">Planned and actual contribution to each budget year's cost.</param>
/// <param name="IsCarrier">Whether the funder is the carrier, whose due is its own share.</param>
public sealed record FunderExecution(string FunderId, string Name, Money Granted, Money Due, Money Received, Money Balance, string Sentence,
    IReadOnlyList<PlannedAndActual> ByBudgetYear, bool IsCarrier)
{
    /// <summary>What is still to claim from the funder (« solde à percevoir »): the positive balance, zero for the carrier.</summary>
    public Money ToClaim => IsCarrier || Balance.IsNegative ? Money.Zero : Balance;

    /// <summary>What must be paid back to the funder (« trop-perçu à reverser »): the negative balance as a positive amount.</summary>
    public Money ToPayBack => Balance.IsNegative ? -Balance : Money.Zero;
}
