namespace Funding.Reports.Drafts;

/// <summary>A numbered article of the decision: its text, and the items it lists (one per funder, for the carrier's requests).</summary>
/// <param name="Number">From 1.</param>
/// <param name="Text">The article, starting with its verb: « Approuve le plan de financement… ».</param>
/// <param name="Items">The items it lists, or none.</param>
public sealed record DraftArticle(int Number, string Text, IReadOnlyList<string> Items);
