using Funding.Formatting;
using Funding.Plans;

namespace Funding.Reports;

/// <summary>A funder's amounts in words, as a deliberation writes them.</summary>
/// <param name="FunderId">The funder's id.</param>
/// <param name="Name">The funder's name.</param>
/// <param name="Total">Its total.</param>
/// <param name="TotalInWords">Its total in words.</param>
/// <param name="AnnualAmount">Its amount per year, for a fixed yearly contribution.</param>
/// <param name="AnnualAmountInWords">That amount in words.</param>
public sealed record AmountInWords(string FunderId, string Name, Money Total, string TotalInWords, Money? AnnualAmount, string? AnnualAmountInWords)
{
    internal static AmountInWords For(PlanResult result, FunderResult funder)
    {
        var annual = result.Plan.Funders.FirstOrDefault(f => f.Id == funder.Id)?.Rule.PromisedAnnualAmount;
        return new AmountInWords(funder.Id, funder.Name, funder.Total, FrenchWords.Amount(funder.Total), annual, annual is { } a ? FrenchWords.Amount(a) : null);
    }
}
