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
