using Funding.Rules;

namespace Funding.Plans;

/// <summary>What a rule sees when it compiles its sweep step: the plan and its place in it.</summary>
/// <param name="Plan">The plan.</param>
/// <param name="Index">The funder's index.</param>
/// <param name="Kernel">The kernel being compiled.</param>
internal sealed record SweepCompilation(Plan Plan, int Index, SweepKernel Kernel)
{
    /// <summary>The index of the funder with this id, or −1.</summary>
    internal int IndexOf(string id) => PlanSweep.IndexOf(Plan, id);

    /// <summary>Whether funder <paramref name="index"/> comes last in the waterfall (the remainder).</summary>
    internal bool IsLast(int index) => Plan.Funders[index].Rule.Stage == WaterfallStage.Last;
}
