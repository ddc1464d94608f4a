using System.Text.Json;
using Funding.Contracts.Json;
using Funding.Storage;

namespace Funding.Application.SavedPlans;

/// <summary>A workspace's saved plans to and from the export format: the API's endpoints and the program's command share it.</summary>
internal sealed class WorkspaceTransferService(WorkspaceTransferStore store, AuditStore audit)
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
        var plans = export.Plans.Select(p => (
            new SavedPlanSummary(p.Id, p.Name, p.Versions.Count == 0 ? 0 : p.Versions.Max(v => v.Number), p.Status, p.CreatedAt, p.UpdatedAt),
            (IReadOnlyList<PlanVersion>)p.Versions.Select(v => new PlanVersion(p.Id, v.Number, v.CreatedAt, v.Author, v.Comment,
                JsonSerializer.Serialize(v.Plan, options),
                v.Signature is { } s ? new VersionSignature(NodaTime.Text.LocalDatePattern.Iso.Format(s.VotedOn), s.Reference, s.SignedAt, s.SignedBy, s.CalculationVersion, s.Answer) : null)).ToArray()))
            .ToArray();
        var executions = export.Plans.SelectMany(p => (p.Executions ?? []).Select(e =>
            new ExecutionEntry(p.Id, e.Number, e.Version, e.CreatedAt, e.Author, e.Comment, JsonSerializer.Serialize(e.Execution, options)))).ToArray();
        var log = (export.Audit ?? []).Select(a => new AuditRecord(0, a.At, a.Actor, a.KeyId, a.Action, a.PlanId, a.Version, a.ContentHash, a.Detail)).ToArray();
        if (!await store.ImportAsync(workspace, plans, executions, log, actor, cancellation))
        {
            return Outcome<WorkspaceImportResponse>.Fail(SavedPlanFailures.ImportConflict);
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
