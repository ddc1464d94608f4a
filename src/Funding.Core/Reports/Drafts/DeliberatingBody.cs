using Funding.Plans;

namespace Funding.Reports.Drafts;

/// <summary>
/// Who decides for a funder and how: its assembly (« Conseil municipal »), the office that signs and carries out the
/// decision (« le Maire »), the act (a deliberation, or for the State an arrêté), and the article of the code général
/// des collectivités territoriales that gives the assembly its power.
/// </summary>
/// <param name="Assembly">The deciding body: « Conseil communautaire », « Conseil d'administration »…</param>
/// <param name="Office">The office in a sentence: « le Maire », « le Président ».</param>
/// <param name="Signatory">The office above the signature: « Le Maire », « Le Préfet ».</param>
/// <param name="IsDecree">Whether the act is an arrêté (the State), not a deliberation.</param>
/// <param name="Code">The CGCT article, for a local authority; null otherwise.</param>
public sealed record DeliberatingBody(string Assembly, string Office, string Signatory, bool IsDecree, string? Code)
{
    /// <summary>The body that decides for a funder of this kind.</summary>
    /// <param name="kind">The funder's kind.</param>
    /// <returns>Its assembly, office, act and code article.</returns>
    public static DeliberatingBody Of(FunderKind kind) => kind switch
    {
        FunderKind.Municipality => new("Conseil municipal", "le Maire", "Le Maire", false,
            "Vu le code général des collectivités territoriales, notamment son article L. 2121-29 ;"),
        FunderKind.Epci => new("Conseil communautaire", "le Président", "Le Président", false,
            "Vu le code général des collectivités territoriales, notamment ses articles L. 5211-1 et L. 5211-10 ;"),
        FunderKind.Department => new("Conseil départemental", "le Président du Conseil départemental", "Le Président du Conseil départemental", false,
            "Vu le code général des collectivités territoriales, notamment son article L. 3211-1 ;"),
        FunderKind.Region => new("Conseil régional", "le Président du Conseil régional", "Le Président du Conseil régional", false,
            "Vu le code général des collectivités territoriales, notamment son article L. 4221-1 ;"),
        FunderKind.State => new("Préfecture", "le Préfet", "Le Préfet", true, null),
        _ => new("Conseil d'administration", "le Président", "Le Président", false, null),
    };
}
