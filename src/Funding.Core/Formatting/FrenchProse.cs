using System.Globalization;

namespace Funding.Formatting;

/// <summary>Small pieces of French prose shared by every explanation.</summary>
internal static class FrenchProse
{
    /// <summary>
    /// The first words of the names of public and private bodies, with their gender: a name starting with one takes its
    /// article (« la Commune de Pont-l'Abbé », « le Département du Finistère », « l'État », « l'Union européenne »);
    /// any other name (« Quimper Bretagne Occidentale », « UIMM Finistère ») is written as it is.
    /// </summary>
    private static readonly Dictionary<string, bool> Feminine = new(StringComparer.Ordinal)
    {
        ["Commune"] = true, ["Ville"] = true, ["Communauté"] = true, ["Métropole"] = true, ["Région"] = true,
        ["Agglomération"] = true, ["Collectivité"] = true, ["Chambre"] = true, ["Agence"] = true, ["Caisse"] = true,
        ["Banque"] = true, ["Fondation"] = true, ["Association"] = true, ["Fédération"] = true, ["Union"] = true,
        ["Préfecture"] = true, ["Direction"] = true, ["Mission"] = true, ["Assemblée"] = true,
        ["Département"] = false, ["Conseil"] = false, ["Syndicat"] = false, ["Pays"] = false, ["Pôle"] = false,
        ["Parc"] = false, ["Groupement"] = false, ["Centre"] = false, ["Office"] = false, ["Fonds"] = false,
        ["Ministère"] = false, ["État"] = false, ["Etat"] = false, ["Établissement"] = false, ["Etablissement"] = false,
    };

    /// <summary>
    /// A funder's name with its article, in the middle of a sentence: « la Commune de Pont-l'Abbé », « l'État », « le
    /// Département du Finistère »; a name without a known first word is kept as written.
    /// </summary>
    internal static string WithArticle(string name)
    {
        string trimmed = name.Trim();
        if (StartsWithArticle(trimmed))
        {
            return char.ToLower(trimmed[0], CultureInfo.InvariantCulture) + trimmed[1..];
        }
        int space = trimmed.IndexOf(' ', StringComparison.Ordinal);
        string head = space < 0 ? trimmed : trimmed[..space];
        if (!Feminine.TryGetValue(head, out bool feminine))
        {
            return trimmed;
        }
        return StartsWithVowel(head) ? "l'" + trimmed : (feminine ? "la " : "le ") + trimmed;
    }

    /// <summary>
    /// A funder's name as the subject of a sentence: « État » → « L'État », « Région Bretagne » → « La Région Bretagne »,
    /// « Département du Finistère » → « Le Département du Finistère »; other names are kept as written.
    /// </summary>
    internal static string Subject(string name)
    {
        string withArticle = WithArticle(name);
        return withArticle.Length > 0 ? char.ToUpper(withArticle[0], CultureInfo.InvariantCulture) + withArticle[1..] : withArticle;
    }

    /// <summary>« à » and a funder's name: « à la Commune de Pont-l'Abbé », « à l'État », « au Département du Finistère », « à UIMM Finistère ».</summary>
    internal static string To(string name)
    {
        string withArticle = WithArticle(name);
        return withArticle.StartsWith("le ", StringComparison.Ordinal) ? "au " + withArticle[3..]
            : withArticle.StartsWith("les ", StringComparison.Ordinal) ? "aux " + withArticle[4..]
            : "à " + withArticle;
    }

    /// <summary>« pour » and a funder's name: « pour la Commune de Pont-l'Abbé », « pour l'État ».</summary>
    internal static string For(string name) => "pour " + WithArticle(name);

    /// <summary>
    /// « de » and a funder's name, contracted as French requires: « de l'État », « de la Région Bretagne », « du
    /// Département du Finistère », « d'Angers Loire Métropole », « de Quimper Bretagne Occidentale ».
    /// </summary>
    internal static string Of(string name)
    {
        string subject = Subject(name);
        if (subject.StartsWith("L'", StringComparison.Ordinal) || subject.StartsWith("L’", StringComparison.Ordinal))
        {
            return "de l'" + subject[2..];
        }
        if (subject.StartsWith("La ", StringComparison.Ordinal))
        {
            return "de la " + subject[3..];
        }
        if (subject.StartsWith("Le ", StringComparison.Ordinal))
        {
            return "du " + subject[3..];
        }
        if (subject.StartsWith("Les ", StringComparison.Ordinal))
        {
            return "des " + subject[4..];
        }
        return subject.Length > 0 && "AEIOUYÉÈÊÂÎÔaeiouyéèêâîô".Contains(subject[0], StringComparison.Ordinal) ? "d'" + subject : "de " + subject;
    }

    /// <summary>A duration: 24 → « 2 ans », 12 → « 1 an », 30 → « 30 mois ».</summary>
    internal static string Duration(int months) => months % 12 == 0
        ? $"{(months / 12).ToString(CultureInfo.InvariantCulture)} {(months == 12 ? "an" : "ans")}"
        : $"{months.ToString(CultureInfo.InvariantCulture)} mois";

    /// <summary>« 1 centime » / « 3 centimes ».</summary>
    internal static string Count(long count, string singular, string plural) =>
        $"{count.ToString(CultureInfo.InvariantCulture)} {(count == 1 ? singular : plural)}";

    private static bool StartsWithVowel(string word) =>
        word.Length > 0 && "AEIOUYÉÈÊÂÎÔaeiouyéèêâîô".Contains(word[0], StringComparison.Ordinal);

    private static bool StartsWithArticle(string name) =>
        name.StartsWith("L'", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("L’", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Le ", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("La ", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Les ", StringComparison.OrdinalIgnoreCase);
}
