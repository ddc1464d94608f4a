using Funding.Rules;
using Funding.Schedules;

namespace Funding.Plans;

/// <summary>The legal nature of a funder ("financeur"), which decides the checks that apply to it.</summary>
public enum FunderKind
{
    /// <summary>The State and its agencies ("État", ANCT…).</summary>
    State,

    /// <summary>A region ("Région").</summary>
    Region,

    /// <summary>A department ("Département").</summary>
    Department,

    /// <summary>An intercommunality ("EPCI": métropole, communauté d'agglomération, de communes…).</summary>
    Epci,

    /// <summary>A municipality ("commune").</summary>
    Municipality,

    /// <summary>Another public body (chamber of commerce, public establishment, EU funds…).</summary>
    OtherPublic,

    /// <summary>A private body: association, company, professional union (the seed's carrier, UIMM Finistère).</summary>
    Private,
}

/// <summary>Helpers on <see cref="FunderKind"/>.</summary>
public static class FunderKinds
{
    /// <summary>Whether funds from this kind of funder are public aid.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True for every kind but <see cref="FunderKind.Private"/>.</returns>
    public static bool IsPublic(this FunderKind kind) => kind != FunderKind.Private;

    /// <summary>Whether this kind is a local authority ("collectivité territoriale" or its grouping) in the sense of CGCT art. L1111-10.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>True for regions, departments, EPCI and municipalities.</returns>
    public static bool IsLocalAuthority(this FunderKind kind) =>
        kind is FunderKind.Region or FunderKind.Department or FunderKind.Epci or FunderKind.Municipality;

    /// <summary>The French name of the kind, for reports.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>« État », « Région », « EPCI »…</returns>
    public static string FrenchName(this FunderKind kind) => kind switch
    {
        FunderKind.State => "État",
        FunderKind.Region => "Région",
        FunderKind.Department => "Département",
        FunderKind.Epci => "EPCI",
        FunderKind.Municipality => "Commune",
        FunderKind.OtherPublic => "Autre financeur public",
        _ => "Financeur privé",
    };
}

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
}
