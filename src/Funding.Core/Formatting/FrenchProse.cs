using System.Globalization;

namespace Funding.Formatting;

/// <summary>Small pieces of French prose shared by every explanation.</summary>
internal static class FrenchProse
{
    /// <summary>
    /// A funder's name as the subject of a sentence: « État » → « L'État », « Région Bretagne » → « La Région Bretagne »,
    /// « Département du Finistère » → « Le Département du Finistère »; other names are kept as written.
    /// </summary>
    internal static string Subject(string name)
    {
        string trimmed = name.Trim();
        if (StartsWithArticle(trimmed))
        {
            return char.ToUpper(trimmed[0], CultureInfo.InvariantCulture) + trimmed[1..];
        }
        if (trimmed is "État" or "Etat" || trimmed.StartsWith("État ", StringComparison.Ordinal) || trimmed.StartsWith("Etat ", StringComparison.Ordinal))
        {
            return "L'" + trimmed;
        }
        if (trimmed.StartsWith("Région", StringComparison.Ordinal) || trimmed.StartsWith("Communauté", StringComparison.Ordinal) || trimmed.StartsWith("Métropole", StringComparison.Ordinal))
        {
            return "La " + trimmed;
        }
        if (trimmed.StartsWith("Département", StringComparison.Ordinal) || trimmed.StartsWith("Conseil", StringComparison.Ordinal))
        {
            return "Le " + trimmed;
        }
        return trimmed;
    }

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

    private static bool StartsWithArticle(string name) =>
        name.StartsWith("L'", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("L’", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Le ", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("La ", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Les ", StringComparison.OrdinalIgnoreCase);
}
