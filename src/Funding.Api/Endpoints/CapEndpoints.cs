using Funding.Contracts;
using Funding.Api.Errors;
using Funding.Contracts.Mapping;
using Funding.Formatting;
using Funding.Plans;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Funding.Api.Endpoints;

/// <summary>The finance officer's quick question: a rate of a base, capped.</summary>
internal static class CapEndpoints
{
    public static IEndpointRouteBuilder MapCaps(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/v1/caps")
            .WithTags("Caps")
            .MapPost("/", Apply)
            .CachesAnswers()
            .WithName("ApplyCap")
            .WithSummary("Applies a rate to a base with an optional cap and floor.")
            .WithDescription("\"50 % of 207 600 € capped at 80 000 €?\" Returns the amount, the uncapped amount, whether the cap binds or is just reached, the effective rate and the explanation.")
            .ProducesStandardProblems();
        return app;
    }

    internal static Results<JsonAnswer<CapResponse>, ValidationProblem> Apply(CapRequest request)
    {
        var errors = new RequestErrors();
        var baseAmount = errors.Money(request.Base, "base");
        var rate = errors.Percent(request.RatePercent, "ratePercent");
        var cap = errors.Money(request.Cap, "cap");
        var floor = errors.Money(request.Floor, "floor");
        var policy = errors.Rounding(request.Rounding, "rounding");
        if (errors.HasErrors)
        {
            return errors.Problem();
        }
        CappedRate result;
        try
        {
            result = CappedRate.Compute(rate, baseAmount, cap, floor, policy);
        }
        catch (FundingValidationException ex)
        {
            return ApiProblems.Problem(ex);
        }
        string sentence = char.ToUpperInvariant(result.Clause()[0]) + result.Clause()[1..];
        if (result.EffectiveRate != result.Rate)
        {
            sentence += $" (taux effectif {FrenchFormat.Rate(result.EffectiveRate)})";
        }
        var terms = result.Terms().ToList();
        terms.Add(ExplanationTerm.Euros("amount", result.Amount));
        terms.Add(ExplanationTerm.Percent("effectiveRate", result.EffectiveRate));
        return JsonAnswer.Of(new CapResponse
        {
            CalculationVersion = CalculationVersion.Current,
            Amount = result.Amount.Amount,
            UncappedAmount = result.Uncapped.Amount,
            ExactAmount = result.Exact,
            CapBinds = result.CapBinds,
            CapReached = result.CapReached,
            FloorBinds = result.FloorBinds,
            EffectiveRatePercent = Figures.Percent(result.EffectiveRate),
            AmountFormatted = FrenchFormat.Money(result.Amount),
            EffectiveRateFormatted = FrenchFormat.Rate(result.EffectiveRate),
            Rounding = result.Policy.Name,
            Explanation = PlanResultMapping.Explanation(new Explanation("rate", sentence + ".", terms)),
        });
    }
}
