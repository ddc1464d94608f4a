using System.Text.Json.Serialization;
using Funding.Contracts;

namespace Funding.Contracts.Json;

/// <summary>
/// Source-generated JSON metadata for every request and response type: no reflection at run time, and faster
/// (de)serialization on the hot endpoints. The options (naming, strictness, converters) come from <see cref="ApiJson"/>.
/// </summary>
[JsonSerializable(typeof(WorkspaceExport))]
[JsonSerializable(typeof(ProgrammeSummaryOutput[]))]
[JsonSerializable(typeof(ProgrammeOutput))]
[JsonSerializable(typeof(ProgrammePlanRequest))]
[JsonSerializable(typeof(WorkspaceImportResponse))]
[JsonSerializable(typeof(SavePlanRequest))]
[JsonSerializable(typeof(SignRequest))]
[JsonSerializable(typeof(SavedPlanListResponse))]
[JsonSerializable(typeof(VersionSummaryOutput[]))]
[JsonSerializable(typeof(SavedPlanVersionResponse))]
[JsonSerializable(typeof(RecomputeResponse))]
[JsonSerializable(typeof(WeightImportRequest))]
[JsonSerializable(typeof(WeightImportResponse))]
[JsonSerializable(typeof(Funding.Contracts.Errors.FieldErrorOutput[]))]
[JsonSerializable(typeof(AllocationRequest))]
[JsonSerializable(typeof(AllocationResponse))]
[JsonSerializable(typeof(CapRequest))]
[JsonSerializable(typeof(CapResponse))]
[JsonSerializable(typeof(ExecutionRequest))]
[JsonSerializable(typeof(RecordExecutionRequest))]
[JsonSerializable(typeof(ExecutionEntryResponse))]
[JsonSerializable(typeof(ExecutionEntryResponse[]))]
[JsonSerializable(typeof(ExecutionResponse))]
[JsonSerializable(typeof(KeyComparisonRequest))]
[JsonSerializable(typeof(SweepRequest))]
[JsonSerializable(typeof(SweepResponse))]
[JsonSerializable(typeof(KeyComparisonResponse))]
[JsonSerializable(typeof(PlanRequest))]
[JsonSerializable(typeof(PlanResponse))]
[JsonSerializable(typeof(CompareRequest))]
[JsonSerializable(typeof(CompareResponse))]
[JsonSerializable(typeof(ReportResponse))]
[JsonSerializable(typeof(SampleSummary[]))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(RuleCatalogResponse))]
[JsonSerializable(typeof(PoolInput))]
[JsonSerializable(typeof(KeyInput))]
[JsonSerializable(typeof(MemberInput[]))]
[JsonSerializable(typeof(IReadOnlyList<MemberInput?>))]
[JsonSerializable(typeof(BudgetYearInput[]))]
[JsonSerializable(typeof(IReadOnlyList<BudgetYearInput?>))]
internal sealed partial class FundingJsonContext : JsonSerializerContext;
