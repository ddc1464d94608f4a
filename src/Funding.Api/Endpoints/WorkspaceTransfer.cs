using System.Text.Json;
using Funding.Storage;

namespace Funding.Api.Endpoints;

/// <summary>A workspace's saved plans to and from the export format: the API's endpoints and the program's command share it.</summary>
internal static class WorkspaceTransfer
{
    public static async Task<WorkspaceExport> ExportAsync(WorkspaceTransferStore store, string workspace, JsonSerializerOptions options)
    {
        var plans = await store.ExportAsync(workspace);
        var executions = (await store.ExportExecutionsAsync(workspace)).ToLookup(e => e.PlanId, StringComparer.Ordinal);
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
        };
    }

    /// <summary>Imports an export as it was; null when one of its plans exists already (then nothing is imported).</summary>
    public static async Task<WorkspaceImportResponse?> ImportAsync(WorkspaceTransferStore store, string workspace, WorkspaceExport export, JsonSerializerOptions options)
    {
        var plans = export.Plans.Select(p => (
            new SavedPlanSummary(p.Id, p.Name, p.Versions.Count == 0 ? 0 : p.Versions.Max(v => v.Number), p.Status, p.CreatedAt, p.UpdatedAt),
            (IReadOnlyList<PlanVersion>)p.Versions.Select(v => new PlanVersion(p.Id, v.Number, v.CreatedAt, v.Author, v.Comment,
                JsonSerializer.Serialize(v.Plan, options),
                v.Signature is { } s ? new VersionSignature(NodaTime.Text.LocalDatePattern.Iso.Format(s.VotedOn), s.Reference, s.SignedAt, s.SignedBy, s.CalculationVersion, s.Answer) : null)).ToArray()))
            .ToArray();
        var executions = export.Plans.SelectMany(p => (p.Executions ?? []).Select(e =>
            new ExecutionEntry(p.Id, e.Number, e.Version, e.CreatedAt, e.Author, e.Comment, JsonSerializer.Serialize(e.Execution, options)))).ToArray();
        if (!await store.ImportAsync(workspace, plans, executions))
        {
            return null;
        }
        return new WorkspaceImportResponse
        {
            Plans = plans.Length,
            Versions = plans.Sum(p => p.Item2.Count),
            Signatures = plans.Sum(p => p.Item2.Count(v => v.Signature is not null)),
            Executions = executions.Length,
        };
    }
}
