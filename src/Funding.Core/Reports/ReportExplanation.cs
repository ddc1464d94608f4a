namespace Funding.Reports;

/// <summary>The explanation of a figure, with the explanations of its parts (a funder's payments, the cost of each year).</summary>
/// <param name="FunderId">The funder or group it explains; null for the cost and the treasury.</param>
/// <param name="Subject">What it explains.</param>
/// <param name="Sentence">The sentence.</param>
/// <param name="Details">The sentences of the parts.</param>
public sealed record ReportExplanation(string? FunderId, string Subject, string Sentence, IReadOnlyList<string> Details);
