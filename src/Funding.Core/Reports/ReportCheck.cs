using Funding.Plans;

namespace Funding.Reports;

/// <summary>A check as a report states it.</summary>
/// <param name="Id">The check's id.</param>
/// <param name="Outcome">Its outcome.</param>
/// <param name="Label">The outcome in French: « Respecté », « Non respecté », « Attention », « Sans objet ».</param>
/// <param name="Message">What was found.</param>
/// <param name="Source">The legal source.</param>
public sealed record ReportCheck(string Id, CheckOutcome Outcome, string Label, string Message, string Source)
{
    internal static ReportCheck From(CheckResult check) => new(check.Id, check.Outcome, check.Outcome switch
    {
        CheckOutcome.Passed => "Respecté",
        CheckOutcome.Failed => "Non respecté",
        CheckOutcome.Warning => "Attention",
        _ => "Sans objet",
    }, check.Message, check.Source);
}
