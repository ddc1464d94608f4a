using System.Globalization;

namespace Funding.Application.SavedPlans;

/// <summary>The failures of the saved-plan use cases, with their stable codes and French messages.</summary>
internal static class SavedPlanFailures
{
    public static UseCaseFailure NotFound(string id) => new(FailureKind.NotFound,
        new(ErrorCodes.NotFound, "Plan enregistré introuvable.", "No such saved plan."),
        new(ErrorCodes.NotFound, $"Aucun plan de cet espace de travail n'a l'identifiant « {Short(id)} » (ou cette version).",
            $"No plan of this workspace has the id '{Short(id)}' (or that version)."));

    public static UseCaseFailure IfMatchRequired(int latest) => new(FailureKind.PreconditionRequired,
        new(ErrorCodes.IfMatchRequired, "Précisez la version modifiée (If-Match).", "Say which version you amend (If-Match)."),
        new(ErrorCodes.IfMatchRequired,
            $"Envoyez « If-Match: {ETag(latest)} », l'ETag de la version lue, pour ne pas écraser un avenant enregistré entre-temps.",
            $"Send 'If-Match: {ETag(latest)}', the ETag of the version you read, so as not to overwrite an amendment saved meanwhile."));

    public static UseCaseFailure Archived { get; } = new(FailureKind.Conflict,
        new(ErrorCodes.PlanArchived, "Ce plan est archivé.", "This plan is archived."),
        new(ErrorCodes.PlanArchived, "Un plan archivé ne se modifie plus ; ses versions restent lisibles.", "An archived plan is no longer amended; its versions stay readable."));

    public static UseCaseFailure Stale(int expected, int current) => new(FailureKind.PreconditionFailed,
        new(ErrorCodes.VersionConflict, "Ce plan a changé depuis la version lue.", "This plan changed since the version you read."),
        new(ErrorCodes.VersionConflict,
            $"La version {expected} n'est plus la dernière : la version actuelle est la {current}. Relisez-la, reportez vos modifications, et renvoyez avec « If-Match: {ETag(current)} ».",
            $"Version {expected} is no longer the latest: the current version is {current}. Read it, carry your changes over, and send again with 'If-Match: {ETag(current)}'."),
        current);

    public static UseCaseFailure AlreadySigned { get; } = new(FailureKind.Conflict,
        new(ErrorCodes.AlreadySigned, "Cette version est déjà signée.", "This version is signed already."),
        new(ErrorCodes.AlreadySigned, "Une signature n'est jamais remplacée : enregistrez un avenant (une nouvelle version) et signez-le.",
            "A signature is never replaced: save an amendment (a new version) and sign it."));

    public static UseCaseFailure NotSigned { get; } = new(FailureKind.Conflict,
        new(ErrorCodes.ValueNotAllowed, "Cette version n'est pas signée.", "This version is not signed."),
        new(ErrorCodes.ValueNotAllowed, "Seule une version signée a des chiffres figés à comparer ; les autres sont toujours calculées avec les règles du jour.",
            "Only a signed version has frozen figures to compare; the others are always computed with today's rules."));

    /// <summary>Nothing imported: the plan, or the workspace programme's version, already there is named.</summary>
    public static UseCaseFailure ImportConflict(Funding.Storage.ImportConflict conflict) => conflict.Kind == Funding.Storage.ImportConflictKind.Plan
        ? new(FailureKind.Conflict,
            new(ErrorCodes.ImportConflict, "Un de ces plans existe déjà.", "One of these plans exists already."),
            new(ErrorCodes.ImportConflict, $"Rien n'a été importé : le plan « {conflict.Id} » de l'export existe déjà dans cette base.",
                $"Nothing was imported: the export's plan '{conflict.Id}' exists already in this database."))
        : new(FailureKind.Conflict,
            new(ErrorCodes.ImportConflict, "Un de ces dispositifs existe déjà.", "One of these programmes exists already."),
            new(ErrorCodes.ImportConflict, $"Rien n'a été importé : la version {conflict.Version} du dispositif local « {conflict.Id} » de l'export existe déjà dans cet espace.",
                $"Nothing was imported: version {conflict.Version} of the export's local programme '{conflict.Id}' exists already in this workspace."));

    /// <summary>A version's entity tag: its number, quoted.</summary>
    public static string ETag(int number) => $"\"{number.ToString(CultureInfo.InvariantCulture)}\"";

    private static string Short(string text) => text.Length > 60 ? text[..60] + "…" : text;
}
