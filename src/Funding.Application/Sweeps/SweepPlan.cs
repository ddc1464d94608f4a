using Funding.Contracts;
using Funding.Plans;
using Funding.Reports;

namespace Funding.Application.Sweeps;

/// <summary>A sweep checked and ready to run, with how its answer is written and an upper bound of its JSON size.</summary>
/// <param name="Sweep">The prepared sweep.</param>
/// <param name="Format">The format asked for.</param>
/// <param name="Dialect">The CSV dialect.</param>
/// <param name="EstimatedBytes">An upper bound of the JSON answer's size, known before anything is computed.</param>
internal sealed record SweepPlan(PreparedSweep Sweep, SweepFormat Format, CsvDialect Dialect, long EstimatedBytes);
