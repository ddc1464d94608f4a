using Funding.Api.Errors;
using Funding.Api.Security;
using Funding.Application;
using Funding.Application.Portfolio;
using Funding.Storage;

namespace Funding.Api.Endpoints;

/// <summary>
/// The portfolio: what each funder commits, pays, received and still owes across every saved plan of the workspace,
/// budget year by budget year, as JSON, CSV or a workbook; and the workspace's funder aliases.
/// </summary>
internal static class PortfolioEndpoints
{
    public static IEndpointRouteBuilder MapPortfolio(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/v1").WithTags("Portfolio").RequireAuthorization().ProducesProblem(StatusCodes.Status401Unauthorized);
        group.MapGet("/portfolio", Get).WithName("GetPortfolio").RequireRole(WorkspaceRole.Reader)
            .WithSummary("Every funder's commitments, payments, receipts and what remains to pay, across the workspace's saved plans, by budget year.")
            .WithDescription("committed: each plan's latest signed version; planned: each plan's latest version; received and due: each plan's latest execution entry; " +
                "remainingToPay: committed payments not received; owedToIt: for a carrier, what the other funders of its plans still have to pay. " +
                "Funders are the same body across plans by their SIREN, else their id (and the workspace's aliases). With funder=, the plans each figure comes from.")
            .Produces<PortfolioResponse>()
            .ProducesValidationProblem();
        group.MapGet("/workspace/funder-aliases", Aliases).WithName("ListFunderAliases").RequireRole(WorkspaceRole.Reader)
            .WithSummary("The workspace's funder aliases: each id and the id of the body it is.")
            .Produces<Dictionary<string, string>>();
        group.MapPut("/workspace/funder-aliases", SetAlias).WithName("SetFunderAlias").RequireRole(WorkspaceRole.Editor)
            .WithSummary("Says that a funder id is the same body as another across the workspace's plans (sameAs null forgets it); answers every alias.")
            .Produces<Dictionary<string, string>>().ProducesValidationProblem().ProducesStandardProblems();
        group.MapGet("/workspace/envelopes", Envelopes).WithName("ListEnvelopes").RequireRole(WorkspaceRole.Reader)
            .WithSummary("The workspace's envelopes (a funder's credits for a programme or a budget line), each with what the plans commit and plan against it, year by year, and what remains.")
            .Produces<EnvelopeOutput[]>();
        group.MapPut("/workspace/envelopes/{id}", PutEnvelope).WithName("PutEnvelope").RequireRole(WorkspaceRole.Editor)
            .WithSummary("Creates or replaces an envelope: per budget year (years) or over a period (amount, from, to). Saving a plan that would exceed it adds a warning check.")
            .Produces<EnvelopeOutput>().ProducesValidationProblem().ProducesStandardProblems();
        group.MapDelete("/workspace/envelopes/{id}", DeleteEnvelope).WithName("DeleteEnvelope").RequireRole(WorkspaceRole.Editor)
            .WithSummary("Deletes an envelope (the plans are not changed).")
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    internal static async Task<IResult> Envelopes(HttpContext context, EnvelopeService service) =>
        TypedResults.Ok((await service.ListAsync(context.User.Caller().Workspace, null, context.RequestAborted)).ToArray());

    internal static async Task<IResult> PutEnvelope(string id, EnvelopeRequest request, HttpContext context, EnvelopeService service) =>
        (await service.PutAsync(context.User.Caller(), id, request, context.RequestAborted)).ToResult(TypedResults.Ok);

    internal static async Task<IResult> DeleteEnvelope(string id, HttpContext context, EnvelopeService service) =>
        (await service.DeleteAsync(context.User.Caller(), id, context.RequestAborted)).ToResult(_ => TypedResults.NoContent());

    /// <summary>The portfolio.</summary>
    /// <param name="funder">One funder: its SIREN (9 digits) or its id in the plans; adds the drill-down to the plans.</param>
    /// <param name="from">The first budget year shown.</param>
    /// <param name="to">The last budget year shown.</param>
    /// <param name="status">Which plans count: active (default: not archived), signed (with a signed version), draft (without), archived.</param>
    /// <param name="programme">Only the plans made from this programme (its id in the catalogue).</param>
    /// <param name="format">json (default), csv (one line per funder and year) or xlsx (one sheet per view).</param>
    internal static async Task<IResult> Get(HttpContext context, PortfolioService service, string? funder = null, int? from = null, int? to = null,
        Choice<PortfolioPlanStatus>? status = null, string? programme = null, Choice<PortfolioFormat>? format = null)
    {
        var outcome = await service.GetAsync(context.User.Caller(), funder, from, to, status, programme, format, context.RequestAborted);
        return outcome.ToResult(answer => answer.Format switch
        {
            PortfolioFormat.Csv => TypedResults.File(PortfolioService.Csv(answer.Portfolio), "text/csv; charset=utf-8", "portefeuille.csv"),
            PortfolioFormat.Xlsx => TypedResults.File(PortfolioService.Workbook(answer.Portfolio), Documents.PortfolioWorkbook.ContentType, "portefeuille.xlsx"),
            _ => TypedResults.Ok(answer.Portfolio),
        });
    }

    internal static async Task<IResult> Aliases(HttpContext context, PortfolioStore store) =>
        TypedResults.Ok(await store.AliasesAsync(context.User.Caller().Workspace, context.RequestAborted));

    internal static async Task<IResult> SetAlias(FunderAliasRequest request, HttpContext context, PortfolioService service) =>
        (await service.AliasAsync(context.User.Caller(), request, context.RequestAborted)).ToResult(TypedResults.Ok);
}
