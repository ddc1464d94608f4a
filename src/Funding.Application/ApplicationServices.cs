using Funding.Application.Portfolio;
using Funding.Application.SavedPlans;
using Microsoft.Extensions.DependencyInjection;

namespace Funding.Application;

/// <summary>
/// Registers the use cases that keep state (the stores they use are registered by the host, on its data source); the
/// others (<see cref="Plans.PlanService"/>, <see cref="Execution.ExecutionService"/>, <see cref="Sweeps.SweepService"/>) are
/// pure functions of their request.
/// </summary>
internal static class ApplicationServices
{
    public static IServiceCollection AddFundingApplication(this IServiceCollection services) => services
        .AddSingleton<Programmes.WorkspaceProgrammeService>()
        .AddSingleton<SavedPlanService>()
        .AddSingleton<WorkspaceTransferService>()
        .AddSingleton<WorkspaceAdminService>()
        .AddSingleton<Portfolio.PortfolioService>()
        .AddSingleton<Portfolio.EnvelopeService>();
}
