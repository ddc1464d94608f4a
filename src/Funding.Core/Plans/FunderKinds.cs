namespace Funding.Plans;

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
