using Funding.Storage;

namespace Funding.Api.Endpoints;

/// <summary>The stores the saved-plans endpoints use, from the container.</summary>
/// <param name="Database">The database (its clock).</param>
/// <param name="Plans">Plans, versions and signatures.</param>
/// <param name="Executions">Execution entries.</param>
/// <param name="Transfer">Workspace export and import.</param>
internal sealed record SavedPlanStores(Database Database, PlanStore Plans, ExecutionStore Executions, WorkspaceTransferStore Transfer);
