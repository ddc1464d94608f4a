using System.Collections.Concurrent;
using System.Text.Json;
using Funding.Application.SavedPlans;
using Funding.Catalogue;
using Funding.Storage;

namespace Funding.Application.Programmes;

/// <summary>
/// A workspace's own programmes (a Region's or a Department's scheme): saved in the catalogue's schema and checked as
/// its files are (the file and the field named), version by version like saved plans, listed beside the national
/// ones and marked local; and the <see cref="ProgrammeLookup"/> a use case reads a plan's programme from.
/// </summary>
internal sealed class WorkspaceProgrammeService(ProgrammeStore store)
{
    /// <summary>The most programmes a workspace keeps (so that the list stays bounded).</summary>
    public const int MaxProgrammes = 200;

    /// <summary>Versions are never changed: each is read and checked once per process.</summary>
    private readonly ConcurrentDictionary<(string Workspace, string Id, int Version), ProgrammeFile> _read = new();

    /// <summary>
    /// The programmes the plans name, read from the caller's workspace when they are not national ones (no query
    /// at all for a plan without a programme or with a national one).
    /// </summary>
    public async ValueTask<ProgrammeLookup> ForPlansAsync(string? workspace, IEnumerable<PlanRequest?> plans, CancellationToken cancellation)
    {
        if (workspace is null)
        {
            return ProgrammeLookup.National;
        }
        var wanted = plans.Select(p => p?.Programme).OfType<ProgrammeReferenceInput>()
            .Where(r => r.Id is not null && !ProgrammeLookup.IsNational(r.Id) && TextRules.IdProblem(r.Id) is null)
            .Select(r => (r.Id, r.Version)).Distinct().ToArray();
        var local = new List<LocalProgramme>();
        foreach (var (id, version) in wanted)
        {
            if (await store.GetAsync(workspace, id, version, cancellation) is { } stored)
            {
                local.Add(Read(workspace, stored));
            }
            else if (version is not null && await store.GetAsync(workspace, id, null, cancellation) is { } latest)
            {
                // The programme is the workspace's, that version is not: the error names the version, not the id.
                local.Add(Read(workspace, latest));
            }
        }
        return new ProgrammeLookup(local, signedIn: true);
    }

    /// <summary>The latest version of each of the workspace's programmes (the list), or the national catalogue alone without a workspace.</summary>
    public async ValueTask<ProgrammeLookup> LatestAsync(string? workspace, CancellationToken cancellation) => workspace is null
        ? ProgrammeLookup.National
        : new ProgrammeLookup([.. (await store.LatestAsync(workspace, cancellation)).Select(s => Read(workspace, s))], signedIn: true);

    /// <summary>One programme of the workspace at a version (the latest when null), for showing it or starting a plan from it.</summary>
    public async ValueTask<ProgrammeLookup> OneAsync(string? workspace, string id, int? version, CancellationToken cancellation) =>
        workspace is null || ProgrammeLookup.IsNational(id) || TextRules.IdProblem(id) is not null
            ? (workspace is null ? ProgrammeLookup.National : new ProgrammeLookup([], signedIn: true))
            : new ProgrammeLookup(await store.GetAsync(workspace, id, version, cancellation) is { } stored ? [Read(workspace, stored)] : [], signedIn: true);

    /// <summary>Every version of every programme of the workspace (a portfolio's catch-up, an export).</summary>
    public async ValueTask<ProgrammeLookup> AllAsync(string workspace, CancellationToken cancellation) =>
        new([.. (await store.AllAsync(workspace, cancellation)).Select(s => Read(workspace, s))], signedIn: true);

    /// <summary>Saves the next version of one of the workspace's programmes, checked as a catalogue file is.</summary>
    /// <param name="caller">Who saves it.</param>
    /// <param name="id">The programme's id (the path's; the file's <c>id</c> must be the same).</param>
    /// <param name="request">The file and the comment.</param>
    /// <param name="expected">The version the caller read (If-Match), when given.</param>
    /// <param name="cancellation">The request's cancellation.</param>
    public async Task<Outcome<ProgrammeVersionOutput>> SaveAsync(Caller caller, string id, SaveProgrammeRequest request, int? expected, CancellationToken cancellation)
    {
        var errors = new RequestErrors();
        if (TextRules.IdProblem(id) is { } idProblem)
        {
            errors.Add("id", idProblem);
        }
        else if (ProgrammeLookup.IsNational(id))
        {
            errors.Add("id", ErrorCodes.ValueNotAllowed,
                $"« {id} » est un dispositif national du catalogue : donnez un autre identifiant à votre dispositif (par exemple « {id}-region »).",
                $"'{id}' is a national programme of the catalogue: give your programme another id.");
        }
        string comment = request.Comment ?? "";
        if (comment.Length > FundingLimits.MaxDescriptionLength)
        {
            errors.Add("comment", TextRules.TooLong(new Subject("le commentaire", "the comment"), comment.Length, FundingLimits.MaxDescriptionLength));
        }
        else if (TextRules.TextProblem(comment, multiLine: true) is { } commentProblem)
        {
            errors.Add("comment", commentProblem);
        }
        var file = request.Programme;
        if (file.ValueKind != JsonValueKind.Object)
        {
            errors.Add("programme", ErrorCodes.ValueWrongType, "Le dispositif est un objet JSON au format des fichiers du catalogue (programme.schema.json).",
                "The programme is a JSON object in the catalogue's file format (programme.schema.json).");
        }
        else if (!file.TryGetProperty("id", out var fileId) || fileId.ValueKind != JsonValueKind.String || fileId.GetString() != id)
        {
            errors.Add("programme.id", ErrorCodes.ValueNotAllowed, $"L'identifiant du dispositif doit être celui de l'adresse : « {id} ».",
                $"The programme's id must be the path's: '{id}'.");
        }
        if (errors.HasErrors)
        {
            return Outcome<ProgrammeVersionOutput>.Invalid(errors);
        }
        string content = file.GetRawText();
        var (_, problems) = ProgrammeCatalog.Load([(FileName(id), content)]);
        if (problems.Count > 0)
        {
            foreach (var problem in problems.Take(50))
            {
                errors.Add(RequestErrors.Join("programme", problem.Path == "$" ? "" : problem.Path), ErrorCodes.ValueNotAllowed, problem.Message,
                    "The programme does not follow the catalogue's schema (programme.schema.json) or its rules (see docs/programmes.md).");
            }
            return Outcome<ProgrammeVersionOutput>.Invalid(errors);
        }
        var versions = await store.VersionsAsync(caller.Workspace, id, cancellation);
        if (versions.Count == 0 && await store.CountAsync(caller.Workspace, cancellation) >= MaxProgrammes)
        {
            errors.Add("id", ErrorCodes.TooMany, $"Un espace de travail garde au plus {MaxProgrammes} dispositifs propres.",
                $"A workspace keeps at most {MaxProgrammes} programmes of its own.");
            return Outcome<ProgrammeVersionOutput>.Invalid(errors);
        }
        var (saved, latest) = await store.SaveAsync(caller.Workspace, id, content, caller.Actor, comment, expected, cancellation);
        return saved is null
            ? Outcome<ProgrammeVersionOutput>.Fail(Stale(id, expected ?? latest - 1, latest))
            : Outcome<ProgrammeVersionOutput>.Success(Output(saved));
    }

    /// <summary>A programme's versions, oldest first.</summary>
    public async Task<Outcome<ProgrammeVersionOutput[]>> VersionsAsync(Caller caller, string id, CancellationToken cancellation)
    {
        var versions = await store.VersionsAsync(caller.Workspace, id, cancellation);
        return versions.Count == 0
            ? Outcome<ProgrammeVersionOutput[]>.Fail(ProgrammeService.NotFound(id, new ProgrammeLookup([], signedIn: true), null))
            : Outcome<ProgrammeVersionOutput[]>.Success([.. versions.Select(Output)]);
    }

    /// <summary>A programme's file as saved at a version (the latest when null), to edit and save again.</summary>
    public async Task<Outcome<SavedProgrammeOutput>> FileAsync(Caller caller, string id, int? version, CancellationToken cancellation)
    {
        var stored = await store.GetAsync(caller.Workspace, id, version, cancellation);
        if (stored is null)
        {
            return Outcome<SavedProgrammeOutput>.Fail(ProgrammeService.NotFound(id, new ProgrammeLookup([], signedIn: true), version));
        }
        using var document = JsonDocument.Parse(stored.Content);
        return Outcome<SavedProgrammeOutput>.Success(new SavedProgrammeOutput { Version = Output(stored), Programme = document.RootElement.Clone() });
    }

    /// <summary>The versions of an export, checked as a save would check them; the problems name <c>programmes[i]</c>.</summary>
    public static IReadOnlyList<StoredProgramme> Check(IReadOnlyList<ExportedProgramme> programmes, RequestErrors errors)
    {
        var stored = new List<StoredProgramme>(programmes.Count);
        for (int i = 0; i < programmes.Count; i++)
        {
            var p = programmes[i];
            string content = p.Programme.GetRawText();
            var (_, problems) = ProgrammeCatalog.Load([(FileName(p.Id), content)]);
            foreach (var problem in problems.Take(10))
            {
                errors.Add(RequestErrors.Join($"programmes[{i}].programme", problem.Path == "$" ? "" : problem.Path), ErrorCodes.ValueNotAllowed, problem.Message,
                    "The programme does not follow the catalogue's schema.");
            }
            stored.Add(new StoredProgramme(p.Id, p.Version, p.SavedAt, p.SavedBy, p.Comment ?? "", content));
        }
        return stored;
    }

    /// <summary>Versions read for an import, before they are stored.</summary>
    public static ProgrammeLookup Lookup(IReadOnlyList<StoredProgramme> programmes) =>
        new([.. programmes.Select(s => new LocalProgramme(ProgrammeCatalog.Load([(FileName(s.Id), s.Content)]).Catalog!.Programmes[0], s.Version))], signedIn: true);

    private LocalProgramme Read(string workspace, StoredProgramme stored) =>
        new(_read.GetOrAdd((workspace, stored.Id, stored.Version), _ => ProgrammeCatalog.Load([(FileName(stored.Id), stored.Content)]) is { Catalog: { } catalog }
            ? catalog.Programmes[0]
            : throw new InvalidOperationException($"Le dispositif local « {stored.Id} » version {stored.Version} ne se lit plus.")), stored.Version);

    private static string FileName(string id) => $"Programmes/{id}.json";

    private static ProgrammeVersionOutput Output(StoredProgramme stored) => new()
    {
        Id = stored.Id,
        Version = stored.Version,
        SavedAt = stored.SavedAt,
        SavedBy = stored.SavedBy,
        Comment = stored.Comment,
        Href = $"/v1/programmes/{stored.Id}?version={stored.Version}",
    };

    private static UseCaseFailure Stale(string id, int expected, int current) => new(FailureKind.PreconditionFailed,
        new(ErrorCodes.VersionConflict, "Ce dispositif a changé depuis la version lue.", "This programme changed since the version you read."),
        new(ErrorCodes.VersionConflict,
            $"La version {expected} du dispositif « {id} » n'est plus la dernière : la version actuelle est la {current}. Relisez-la et renvoyez avec « If-Match: {SavedPlanFailures.ETag(current)} ».",
            $"Version {expected} of programme '{id}' is no longer the latest: the current one is {current}."),
        current);
}
