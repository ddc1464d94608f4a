namespace Funding.Api.Endpoints;

/// <summary>Responses every POST endpoint documents besides its success and validation problem.</summary>
internal static class EndpointConventions
{
    public static RouteHandlerBuilder ProducesStandardProblems(this RouteHandlerBuilder builder) => builder
        .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
        .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
        .ProducesProblem(StatusCodes.Status500InternalServerError);
}
