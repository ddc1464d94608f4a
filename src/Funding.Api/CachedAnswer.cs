namespace Funding.Api;

/// <summary>
/// Endpoint metadata: the endpoint is a pure function of its body and query, and its 200 answers may be served again by
/// <see cref="ResponseCache"/> to the same request. Declared where the endpoint is mapped (<c>.CachesAnswers()</c>).
/// </summary>
/// <param name="BypassWhenLean">
/// Whether <c>explain=none</c> bypasses the cache: the lean path computes faster than the cache hashes, stores and looks up.
/// </param>
internal sealed record CachedAnswer(bool BypassWhenLean = false);

/// <summary>Declares an endpoint's answers cacheable.</summary>
internal static class CachedAnswerExtensions
{
    public static TBuilder CachesAnswers<TBuilder>(this TBuilder builder, bool bypassWhenLean = false) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new CachedAnswer(bypassWhenLean));
}
