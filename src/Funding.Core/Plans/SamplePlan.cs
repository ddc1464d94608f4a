namespace Funding.Plans;

/// <summary>A built-in example plan, ready to evaluate or to post to the API.</summary>
/// <param name="Id">The sample's identifier (<c>territoire-industrie-finistere</c>).</param>
/// <param name="Title">A short title.</param>
/// <param name="Plan">The plan.</param>
public sealed record SamplePlan(string Id, string Title, Plan Plan);
