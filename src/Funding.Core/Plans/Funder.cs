using Funding.Rules;
using Funding.Schedules;

namespace Funding.Plans;

/// <summary>
/// A funder of the plan with its contribution rule — or, for a <see cref="KeyShareRule"/>, a group of funders sharing a
/// pool — and how it pays.
/// </summary>
/// <param name="Id">A unique, non-empty identifier (<c>etat</c>, <c>qbo</c>).</param>
/// <param name="Name">The name reports use (« État », « Quimper Bretagne Occidentale »).</param>
/// <param name="Kind">The legal nature of the funder.</param>
/// <param name="Rule">How its contribution is computed.</param>
public sealed record Funder(string Id, string Name, FunderKind Kind, ContributionRule Rule)
{
    /// <summary>How the funder pays; null for the default of its rule (see <see cref="PaymentMode.DefaultFor"/>).</summary>
    public PaymentMode? Payment { get; init; }

    /// <summary>
    /// How the funder's due is computed on the actual expenses (« au prorata des dépenses réalisées », capped at the
    /// grant); null for the default of its kind (<see cref="Execution.ExecutionTerms.DefaultFor"/>).
    /// </summary>
    public Execution.ExecutionTerms? Execution { get; init; }

    /// <summary>
    /// The funder's SIREN (9 digits with a valid Luhn key; see <see cref="Funding.Siren"/>), if given: the same body
    /// across plans, whatever id each plan gives it.
    /// </summary>
    public string? Siren { get; init; }
}
