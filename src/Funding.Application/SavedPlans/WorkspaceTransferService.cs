using System.Text.Json;
using Funding.Contracts.Json;
using Funding.Application.Portfolio;
using Funding.Storage;

namespace Funding.Application.SavedPlans;

/// <summary>A workspace's saved plans to and from the export format: the API's endpoints and the program's command share it.</summary>
internal sealed class WorkspaceTransferService(WorkspaceTransferStore store, AuditStore audit, ProgrammeStore? programmes = null)
{
    private static JsonSerializerOptions Options => ApiJson.Options;

    /// <summary>Every saved plan of the workspace with its versions, signatures and execution entries.</summary>
    public async Task<WorkspaceExport> ExportAsync(string workspace, CancellationToken cancellation = default)
    {
        var options = Options;
        var plans = await store.ExportAsync(workspace, cancellation);
        var executions = (await store.ExportExecutionsAsync(workspace, cancellation)).ToLookup(e => e.PlanId, StringComparer.Ordinal);
        return new WorkspaceExport
        {
            FormatVersion = 1,
            Plans = plans.Select(p => new ExportedPlan
            {
                Id = p.Plan.Id,
                Name = p.Plan.Name,
                Status = p.Plan.Status,
                CreatedAt = p.Plan.CreatedAt,
                UpdatedAt = p.Plan.UpdatedAt,
                Versions = p.Versions.Select(v => new ExportedVersion
                {
                    Number = v.Number,
                    CreatedAt = v.CreatedAt,
                    Author = v.Author,
                    Comment = v.Comment,
                    Plan = JsonSerializer.Deserialize<PlanRequest>(v.PlanJson, options)!,
                    Signature = v.Signature is { } s ? new ExportedSignature
                    {
                        VotedOn = NodaTime.Text.LocalDatePattern.Iso.Parse(s.VotedOn).Value,
                        Reference = s.Reference,
                        SignedAt = s.SignedAt,
                        SignedBy = s.SignedBy,
                        CalculationVersion = s.CalculationVersion,
                        Answer = s.Answer,
                    } : null,
                }).ToArray(),
                Executions = executions[p.Plan.Id].Any()
                    ? executions[p.Plan.Id].Select(e => new ExportedExecution
                    {
                        Number = e.Number,
                        Version = e.Version,
                        CreatedAt = e.CreatedAt,
                        Author = e.Author,
                        Comment = e.Comment,
                        Execution = JsonSerializer.Deserialize<RecordExecutionRequest>(e.ExecutionJson, options)!,
                    }).ToArray()
                    : null,
            }).ToArray(),
            Audit = (await audit.ListAsync(workspace, null, null, null, int.MaxValue, cancellation)).Select(AuditMapping.Output).ToArray(),
            Programmes = programmes is null ? null : (await programmes.AllAsync(workspace, cancellation)) is { Count: > 0 } local
                ? [.. local.Select(p => new ExportedProgramme
                {
                    Id = p.Id,
                    Version = p.Version,
                    SavedAt = p.SavedAt,
                    SavedBy = p.SavedBy,
                    Comment = p.Comment,
                    Programme = JsonDocument.Parse(p.Content).RootElement.Clone(),
                })]
                : null,
        };
    }

    /// <summary>Imports an export as it was; a conflict when one of its plans exists already (then nothing is imported).</summary>
    public async Task<Outcome<WorkspaceImportResponse>> ImportAsync(string workspace, Actor actor, WorkspaceExport export, CancellationToken cancellation = default)
    {
        if (export.FormatVersion != 1)
        {
            var errors = new RequestErrors();
            errors.Add("formatVersion", ErrorCodes.ValueNotAllowed, "Seul le format 1 est connu.", "Only format 1 is known.");
            return Outcome<WorkspaceImportResponse>.Invalid(errors);
        }
        var options = Options;
        // The workspace's own programmes first: the plans that name them are evaluated with them.
        var programmeErrors = new RequestErrors();
        var localProgrammes = Programmes.WorkspaceProgrammeService.Check(export.Programmes ?? [], programmeErrors);
        if (programmeErrors.HasErrors)
        {
            return Outcome<WorkspaceImportResponse>.Invalid(programmeErrors);
        }
        var lookup = Programmes.WorkspaceProgrammeService.Lookup(localProgrammes);
        var plans = export.Plans.Select(p => (
            new SavedPlanSummary(p.Id, p.Name, p.Versions.Count == 0 ? 0 : p.Versions.Max(v => v.Number), p.Status, p.CreatedAt, p.UpdatedAt),
            (IReadOnlyList<PlanVersion>)p.Versions.Select(v => new PlanVersion(p.Id, v.Number, v.CreatedAt, v.Author, v.Comment,
                JsonSerializer.Serialize(v.Plan, options),
                v.Signature is { } s ? new VersionSignature(NodaTime.Text.LocalDatePattern.Iso.Format(s.VotedOn), s.Reference, s.SignedAt, s.SignedBy, s.CalculationVersion, s.Answer) : null)).ToArray()))
            .ToArray();
        var executions = export.Plans.SelectMany(p => (p.Executions ?? []).Select(e =>
            new ExecutionEntry(p.Id, e.Number, e.Version, e.CreatedAt, e.Author, e.Comment, JsonSerializer.Serialize(e.Execution, options)))).ToArray();
        var log = (export.Audit ?? []).Select(a => new AuditRecord(0, a.At, a.Actor, a.KeyId, a.Action, a.PlanId, a.Version, a.ContentHash, a.Detail)).ToArray();
        // The portfolio's rows of every imported version (a signed one's from its frozen answer) and entry; a version
        // the engine refuses is named, and nothing is imported.
        var answers = new Dictionary<(string, int), (PlanRequest Plan, PlanResponse Result)>();
        var signedAnswers = new Dictionary<(string, int), (PlanRequest Plan, byte[] Answer)>();
        var figures = new List<VersionFigures>();
        var refused = new RequestErrors();
        for (int i = 0; i < plans.Length; i++)
        {
            for (int j = 0; j < plans[i].Item2.Count; j++)
            {
                var version = plans[i].Item2[j];
                var plan = JsonSerializer.Deserialize<PlanRequest>(version.PlanJson, options)!;
                if (version.Signature is { } signature)
                {
                    if (PortfolioFigures.TrySignedVersion(plan, signature.Answer) is not { } signedRows)
                    {
                        refused.Add($"plans[{i}].versions[{j}].signature.answer", ErrorCodes.ValueNotAllowed,
                            $"La réponse signée de la version {version.Number} du plan « {plans[i].Item1.Id} » n'est pas une réponse de Funding : rien n'a été importé.",
                            $"The signed answer of version {version.Number} of plan '{plans[i].Item1.Id}' is not a Funding answer: nothing was imported.");
                        continue;
                    }
                    figures.Add(signedRows.For(version.PlanId, version.Number));
                    signedAnswers[(version.PlanId, version.Number)] = (plan, signature.Answer);
                    continue;
                }
                if (Plans.PlanService.Evaluate(plan, null, lookup).Value is not { } result)
                {
                    refused.Add($"plans[{i}].versions[{j}].plan", ErrorCodes.ValueNotAllowed,
                        $"La version {version.Number} du plan « {plans[i].Item1.Id} » n'est pas un plan valide : rien n'a été importé.",
                        $"Version {version.Number} of plan '{plans[i].Item1.Id}' is not a valid plan: nothing was imported.");
                    continue;
                }
                answers[(version.PlanId, version.Number)] = (plan, result);
                figures.Add(PortfolioFigures.Version(plan, result).For(version.PlanId, version.Number));
            }
        }
        if (refused.HasErrors)
        {
            return Outcome<WorkspaceImportResponse>.Invalid(refused);
        }
        var executionFigures = new List<ExecutionFigures>(executions.Length);
        foreach (var entry in executions)
        {
            if (!answers.TryGetValue((entry.PlanId, entry.Version), out var voted))
            {
                if (!signedAnswers.TryGetValue((entry.PlanId, entry.Version), out var frozen))
                {
                    continue;
                }
                if (SavedPlanService.TrySignedResult(frozen.Answer) is not { } frozenResult)
                {
                    var unreadable = new RequestErrors();
                    unreadable.Add("plans", ErrorCodes.ValueNotAllowed,
                        $"La réponse signée de la version {entry.Version} du plan « {entry.PlanId} », dont dépend une exécution, n'est pas une réponse de Funding : rien n'a été importé.",
                        $"The signed answer of version {entry.Version} of plan '{entry.PlanId}', which an execution entry depends on, is not a Funding answer: nothing was imported.");
                    return Outcome<WorkspaceImportResponse>.Invalid(unreadable);
                }
                voted = (frozen.Plan, frozenResult);
            }
            var request = JsonSerializer.Deserialize<RecordExecutionRequest>(entry.ExecutionJson, options)!;
            var computed = Execution.ExecutionService.Evaluate(new ExecutionRequest
            {
                Plan = voted.Plan,
                ActualExpenses = request.ActualExpenses,
                MonthlyExpenses = request.MonthlyExpenses,
                Receipts = request.Receipts,
            }, null, lookup);
            if (computed.Value is { } result)
            {
                executionFigures.Add(new ExecutionFigures(entry.PlanId, entry.Number, PortfolioFigures.Execution(voted.Result, request, result)));
            }
        }
        if (await store.ImportAsync(workspace, plans, executions, log, actor, figures, executionFigures, localProgrammes, cancellation) is { } conflict)
        {
            return Outcome<WorkspaceImportResponse>.Fail(SavedPlanFailures.ImportConflict(conflict));
        }
        return Outcome<WorkspaceImportResponse>.Success(new WorkspaceImportResponse
        {
            Plans = plans.Length,
            Versions = plans.Sum(p => p.Item2.Count),
            Signatures = plans.Sum(p => p.Item2.Count(v => v.Signature is not null)),
            Executions = executions.Length,
        });
    }
}
