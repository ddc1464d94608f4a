using System.Text.Json;
using Funding.Contracts.Mapping;
using Funding.Plans;
using Funding.Rules;

namespace Funding.Contracts.Json;

/// <summary>
/// The lean answer of <c>POST /v1/plans?explain=none</c> written straight from the engine's figures: the bytes the
/// serializer writes for <see cref="PlanResultMapping.ToResponse(PlanFigures, Plan)"/>, without building the
/// contract's objects first and without the serializer's per-property machinery (issue #28).
/// </summary>
/// <remarks>
/// The contract stays the <see cref="PlanResponse"/> records: they are what the OpenAPI document, the generated clients
/// and every other answer describe. This writer follows their properties in their order, omits what they omit (a null,
/// and every member the lean answer leaves null), and writes numbers, strings and enums with the same calls as the
/// contract's converters. <c>LeanPlanWriterProperties</c> proves the bytes identical to the serializer's over generated
/// plans of every rule, key, ceiling and cost, so that a property added to the records and forgotten here fails a test.
/// </remarks>
internal static class LeanPlanWriter
{
    private static readonly JsonEncodedText CalculationVersion = JsonEncodedText.Encode("calculationVersion");
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("name");
    private static readonly JsonEncodedText TotalCost = JsonEncodedText.Encode("totalCost");
    private static readonly JsonEncodedText CostByBudgetYear = JsonEncodedText.Encode("costByBudgetYear");
    private static readonly JsonEncodedText Funders = JsonEncodedText.Encode("funders");
    private static readonly JsonEncodedText Groups = JsonEncodedText.Encode("groups");
    private static readonly JsonEncodedText SharedCeilings = JsonEncodedText.Encode("sharedCeilings");
    private static readonly JsonEncodedText BudgetYears = JsonEncodedText.Encode("budgetYears");
    private static readonly JsonEncodedText Totals = JsonEncodedText.Encode("totals");
    private static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
    private static readonly JsonEncodedText Amount = JsonEncodedText.Encode("amount");
    private static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
    private static readonly JsonEncodedText Siren = JsonEncodedText.Encode("siren");
    private static readonly JsonEncodedText Kind = JsonEncodedText.Encode("kind");
    private static readonly JsonEncodedText GroupId = JsonEncodedText.Encode("groupId");
    private static readonly JsonEncodedText Rule = JsonEncodedText.Encode("rule");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText ShareOfCostPercent = JsonEncodedText.Encode("shareOfCostPercent");
    private static readonly JsonEncodedText EffectiveRatePercent = JsonEncodedText.Encode("effectiveRatePercent");
    private static readonly JsonEncodedText Limit = JsonEncodedText.Encode("limit");
    private static readonly JsonEncodedText Cap = JsonEncodedText.Encode("cap");
    private static readonly JsonEncodedText IsCarrier = JsonEncodedText.Encode("isCarrier");
    private static readonly JsonEncodedText ContributionByBudgetYear = JsonEncodedText.Encode("contributionByBudgetYear");
    private static readonly JsonEncodedText Pool = JsonEncodedText.Encode("pool");
    private static readonly JsonEncodedText Allocated = JsonEncodedText.Encode("allocated");
    private static readonly JsonEncodedText Unallocated = JsonEncodedText.Encode("unallocated");
    private static readonly JsonEncodedText MemberIds = JsonEncodedText.Encode("memberIds");
    private static readonly JsonEncodedText FunderIds = JsonEncodedText.Encode("funderIds");
    private static readonly JsonEncodedText Per = JsonEncodedText.Encode("per");
    private static readonly JsonEncodedText Sharing = JsonEncodedText.Encode("sharing");
    private static readonly JsonEncodedText Ceiling = JsonEncodedText.Encode("ceiling");
    private static readonly JsonEncodedText Before = JsonEncodedText.Encode("before");
    private static readonly JsonEncodedText After = JsonEncodedText.Encode("after");
    private static readonly JsonEncodedText TookOff = JsonEncodedText.Encode("tookOff");
    private static readonly JsonEncodedText ByBudgetYear = JsonEncodedText.Encode("byBudgetYear");
    private static readonly JsonEncodedText Cost = JsonEncodedText.Encode("cost");
    private static readonly JsonEncodedText Contributions = JsonEncodedText.Encode("contributions");
    private static readonly JsonEncodedText OverFunding = JsonEncodedText.Encode("overFunding");
    private static readonly JsonEncodedText Unfunded = JsonEncodedText.Encode("unfunded");
    private static readonly JsonEncodedText TotalFunded = JsonEncodedText.Encode("totalFunded");
    private static readonly JsonEncodedText PublicFunding = JsonEncodedText.Encode("publicFunding");
    private static readonly JsonEncodedText CarrierShare = JsonEncodedText.Encode("carrierShare");
    private static readonly JsonEncodedText CarrierId = JsonEncodedText.Encode("carrierId");

    /// <summary>Writes the lean answer of <paramref name="plan"/>, evaluated as <paramref name="figures"/>.</summary>
    public static void Write(Utf8JsonWriter writer, PlanFigures figures, Plan plan)
    {
        writer.WriteStartObject();
        writer.WriteString(CalculationVersion, figures.CalculationVersion);
        writer.WriteString(Name, plan.Name);
        writer.WriteNumber(TotalCost, figures.TotalCost.Amount);
        writer.WriteStartArray(CostByBudgetYear);
        for (int i = 0; i < figures.CostByBudgetYear.Count; i++)
        {
            var year = figures.CostByBudgetYear[i];
            YearAmount(writer, year.Year, year.Amount);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Funders);
        for (int i = 0; i < figures.Funders.Count; i++)
        {
            var funder = figures.Funders[i];
            Funder(writer, funder);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Groups);
        for (int i = 0; i < figures.Groups.Count; i++)
        {
            var group = figures.Groups[i];
            writer.WriteStartObject();
            writer.WriteString(Id, group.Id);
            writer.WriteString(Name, group.Name);
            writer.WriteNumber(Pool, group.Pool.Amount);
            writer.WriteNumber(Allocated, group.Allocated.Amount);
            writer.WriteNumber(Unallocated, group.Unallocated.Amount);
            Strings(writer, MemberIds, group.MemberIds);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray(SharedCeilings);
        for (int i = 0; i < figures.SharedCeilings.Count; i++)
        {
            var ceiling = figures.SharedCeilings[i];
            SharedCeiling(writer, ceiling);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(BudgetYears);
        for (int i = 0; i < figures.BudgetYears.Count; i++)
        {
            var balance = figures.BudgetYears[i];
            writer.WriteStartObject();
            writer.WriteNumber(Year, balance.Year);
            writer.WriteNumber(Cost, balance.Cost.Amount);
            writer.WriteNumber(Contributions, balance.Contributions.Amount);
            writer.WriteNumber(OverFunding, balance.OverFunding.Amount);
            writer.WriteNumber(Unfunded, balance.Unfunded.Amount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartObject(Totals);
        writer.WriteNumber(TotalCost, figures.TotalCost.Amount);
        writer.WriteNumber(TotalFunded, figures.TotalFunded.Amount);
        writer.WriteNumber(PublicFunding, figures.PublicFunding.Amount);
        writer.WriteNumber(CarrierShare, figures.CarrierShare.Amount);
        writer.WriteNumber(Unfunded, figures.Unfunded.Amount);
        writer.WriteNumber(OverFunding, figures.OverFunding.Amount);
        if (figures.CarrierId is { } carrierId)
        {
            writer.WriteString(CarrierId, carrierId);
        }
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void Funder(Utf8JsonWriter writer, FunderResult funder)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, funder.Id);
        writer.WriteString(Name, funder.Name);
        if (funder.Siren is { } siren)
        {
            writer.WriteString(Siren, siren);
        }
        writer.WriteString(Kind, StrictEnumConverter<FunderKind>.Encoded(funder.Kind));
        if (funder.GroupId is { } groupId)
        {
            writer.WriteString(GroupId, groupId);
        }
        writer.WriteString(Rule, funder.RuleType);
        writer.WriteNumber(Total, funder.Total.Amount);
        writer.WriteNumber(ShareOfCostPercent, Figures.Percent(funder.ShareOfCost));
        writer.WriteNumber(EffectiveRatePercent, Figures.Percent(funder.EffectiveRate));
        writer.WriteString(Limit, StrictEnumConverter<ContributionLimit>.Encoded(funder.Limit));
        if (funder.Cap is { } cap)
        {
            writer.WriteNumber(Cap, cap.Amount);
        }
        writer.WriteBoolean(IsCarrier, funder.IsCarrier);
        writer.WriteStartArray(ContributionByBudgetYear);
        for (int i = 0; i < funder.ContributionByBudgetYear.Count; i++)
        {
            var year = funder.ContributionByBudgetYear[i];
            YearAmount(writer, year.Year, year.Amount);
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void SharedCeiling(Utf8JsonWriter writer, SharedCeilingResult ceiling)
    {
        writer.WriteStartObject();
        writer.WriteString(Id, ceiling.Id);
        writer.WriteString(Name, ceiling.Name);
        Strings(writer, FunderIds, ceiling.FunderIds);
        writer.WriteString(Per, StrictEnumConverter<CapScope>.Encoded(ceiling.Scope));
        writer.WriteString(Sharing, StrictEnumConverter<CeilingSharing>.Encoded(ceiling.Sharing));
        writer.WriteNumber(Ceiling, ceiling.Ceiling.Amount);
        writer.WriteNumber(Before, ceiling.Before.Amount);
        writer.WriteNumber(After, ceiling.After.Amount);
        writer.WriteNumber(TookOff, ceiling.TookOff.Amount);
        writer.WriteStartArray(ByBudgetYear);
        for (int i = 0; i < ceiling.ByBudgetYear.Count; i++)
        {
            var year = ceiling.ByBudgetYear[i];
            writer.WriteStartObject();
            writer.WriteNumber(Year, year.Year);
            if (year.Ceiling is { } yearCeiling)
            {
                writer.WriteNumber(Ceiling, yearCeiling.Amount);
            }
            writer.WriteNumber(Before, year.Before.Amount);
            writer.WriteNumber(After, year.After.Amount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void YearAmount(Utf8JsonWriter writer, int year, Money amount)
    {
        writer.WriteStartObject();
        writer.WriteNumber(Year, year);
        writer.WriteNumber(Amount, amount.Amount);
        writer.WriteEndObject();
    }

    private static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < values.Count; i++)
        {
            var value = values[i];
            writer.WriteStringValue(value);
        }
        writer.WriteEndArray();
    }
}
