using System.Text.Json;
using Funding.Contracts.Mapping;
using Funding.Formatting;
using Funding.Plans;
using Funding.Rules;
using Funding.Schedules;

namespace Funding.Contracts.Json;

/// <summary>
/// The answers of <c>POST /v1/plans</c> written straight from the engine's results: the bytes the serializer writes for
/// the <see cref="PlanResponse"/> that <see cref="PlanResultMapping"/> maps them to, without building those records
/// first and without the serializer's per-property machinery (issue #28) — the lean answer from the figures
/// (<c>explain=none</c>), the summary and the full answer from the explained result.
/// </summary>
/// <remarks>
/// The contract stays the <see cref="PlanResponse"/> records: they are what the OpenAPI document, the generated clients
/// and every other answer describe. This writer follows their properties in their order, omits what they omit (a null,
/// and every member a level leaves null), and writes numbers, strings, dates and enums with the same calls as the
/// contract's converters. <c>PlanAnswerWriterProperties</c> proves the bytes identical to the serializer's over
/// generated plans of every rule, key, ceiling and cost at every level, so that a property added to the records and
/// forgotten here fails a test.
/// </remarks>
internal static class PlanAnswerWriter
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
    private static readonly JsonEncodedText CostExplanation = JsonEncodedText.Encode("costExplanation");
    private static readonly JsonEncodedText RoundingSentence = JsonEncodedText.Encode("roundingSentence");
    private static readonly JsonEncodedText Sentence = JsonEncodedText.Encode("sentence");
    private static readonly JsonEncodedText Formatted = JsonEncodedText.Encode("formatted");
    private static readonly JsonEncodedText ShareOfCost = JsonEncodedText.Encode("shareOfCost");
    private static readonly JsonEncodedText EffectiveRate = JsonEncodedText.Encode("effectiveRate");
    private static readonly JsonEncodedText TotalInWords = JsonEncodedText.Encode("totalInWords");
    private static readonly JsonEncodedText Explanation = JsonEncodedText.Encode("explanation");
    private static readonly JsonEncodedText Terms = JsonEncodedText.Encode("terms");
    private static readonly JsonEncodedText Value = JsonEncodedText.Encode("value");
    private static readonly JsonEncodedText Unit = JsonEncodedText.Encode("unit");
    private static readonly JsonEncodedText Schedule = JsonEncodedText.Encode("schedule");
    private static readonly JsonEncodedText Mode = JsonEncodedText.Encode("mode");
    private static readonly JsonEncodedText Payments = JsonEncodedText.Encode("payments");
    private static readonly JsonEncodedText Date = JsonEncodedText.Encode("date");
    private static readonly JsonEncodedText BudgetYear = JsonEncodedText.Encode("budgetYear");
    private static readonly JsonEncodedText BudgetYearTable = JsonEncodedText.Encode("budgetYearTable");
    private static readonly JsonEncodedText Years = JsonEncodedText.Encode("years");
    private static readonly JsonEncodedText Rows = JsonEncodedText.Encode("rows");
    private static readonly JsonEncodedText FunderId = JsonEncodedText.Encode("funderId");
    private static readonly JsonEncodedText Amounts = JsonEncodedText.Encode("amounts");
    private static readonly JsonEncodedText YearTotals = JsonEncodedText.Encode("yearTotals");
    private static readonly JsonEncodedText GrandTotal = JsonEncodedText.Encode("grandTotal");
    private static readonly JsonEncodedText CostByYear = JsonEncodedText.Encode("costByYear");
    private static readonly JsonEncodedText ContributionTotals = JsonEncodedText.Encode("contributionTotals");
    private static readonly JsonEncodedText OverFundingByYear = JsonEncodedText.Encode("overFundingByYear");
    private static readonly JsonEncodedText UnfundedByYear = JsonEncodedText.Encode("unfundedByYear");
    private static readonly JsonEncodedText Treasury = JsonEncodedText.Encode("treasury");
    private static readonly JsonEncodedText Months = JsonEncodedText.Encode("months");
    private static readonly JsonEncodedText Month = JsonEncodedText.Encode("month");
    private static readonly JsonEncodedText Receipts = JsonEncodedText.Encode("receipts");
    private static readonly JsonEncodedText Balance = JsonEncodedText.Encode("balance");
    private static readonly JsonEncodedText OwnContribution = JsonEncodedText.Encode("ownContribution");
    private static readonly JsonEncodedText BalanceWithOwnContributions = JsonEncodedText.Encode("balanceWithOwnContributions");
    private static readonly JsonEncodedText TotalReceipts = JsonEncodedText.Encode("totalReceipts");
    private static readonly JsonEncodedText EndBalance = JsonEncodedText.Encode("endBalance");
    private static readonly JsonEncodedText LargestDeficit = JsonEncodedText.Encode("largestDeficit");
    private static readonly JsonEncodedText LargestDeficitMonth = JsonEncodedText.Encode("largestDeficitMonth");
    private static readonly JsonEncodedText DeficitMonths = JsonEncodedText.Encode("deficitMonths");
    private static readonly JsonEncodedText LargestDeficitWithOwnContributions = JsonEncodedText.Encode("largestDeficitWithOwnContributions");
    private static readonly JsonEncodedText Checks = JsonEncodedText.Encode("checks");
    private static readonly JsonEncodedText Outcome = JsonEncodedText.Encode("outcome");
    private static readonly JsonEncodedText Passed = JsonEncodedText.Encode("passed");
    private static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");


    /// <summary>
    /// Writes the lean answer of <paramref name="plan"/>, evaluated as <paramref name="figures"/>: the serializer's bytes
    /// for <see cref="PlanResultMapping.ToResponse(PlanFigures, Plan)"/>.
    /// </summary>
    public static void WriteLean(Utf8JsonWriter writer, PlanFigures figures, Plan plan)
    {
        writer.WriteStartObject();
        writer.WriteString(CalculationVersion, figures.CalculationVersion);
        writer.WriteString(Name, plan.Name);
        writer.WriteNumber(TotalCost, figures.TotalCost.Amount);
        CostYears(writer, figures.CostByBudgetYear, sentences: false);
        writer.WriteStartArray(Funders);
        for (int i = 0; i < figures.Funders.Count; i++)
        {
            writer.WriteStartObject();
            FunderFigures(writer, figures.Funders[i]);
            YearAmounts(writer, ContributionByBudgetYear, figures.Funders[i].ContributionByBudgetYear);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        Parts(writer, figures.Groups, figures.SharedCeilings, ExplainLevel.None);
        BudgetYearBalances(writer, figures.BudgetYears);
        TotalsOf(writer, figures.TotalCost, figures.TotalFunded, figures.PublicFunding, figures.CarrierShare, figures.Unfunded, figures.OverFunding, figures.CarrierId);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes the explained answer of <paramref name="result"/> at <paramref name="explain"/> (summary or full): the
    /// serializer's bytes for <see cref="PlanResultMapping.ToResponse(PlanResult, ExplainLevel)"/>.
    /// </summary>
    public static void WriteExplained(Utf8JsonWriter writer, PlanResult result, ExplainLevel explain)
    {
        // A result evaluated without explanations has no sentence to give (as the mapping decides).
        if (result.CostExplanation.IsOmitted)
        {
            explain = ExplainLevel.None;
        }
        bool sentences = explain != ExplainLevel.None;
        writer.WriteStartObject();
        writer.WriteString(CalculationVersion, result.CalculationVersion);
        writer.WriteString(Name, result.Plan.Name);
        writer.WriteNumber(TotalCost, result.TotalCost.Amount);
        ExplanationOf(writer, CostExplanation, result.CostExplanation, explain);
        if (sentences)
        {
            writer.WriteString(RoundingSentence, result.Plan.Options.Rounding.Sentence);
        }
        CostYears(writer, result.CostByBudgetYear, sentences);
        writer.WriteStartArray(Funders);
        // Each funder's schedule by id, as the mapping finds it (a plan may have up to 100 000 parties: no search per funder).
        var schedules = result.Schedule.Funders.ToDictionary(s => s.FunderId, StringComparer.Ordinal);
        for (int i = 0; i < result.Funders.Count; i++)
        {
            Funder(writer, result.Funders[i], schedules[result.Funders[i].Id], explain);
        }
        writer.WriteEndArray();
        Parts(writer, result.Groups, result.SharedCeilings, explain);
        BudgetYearBalances(writer, result.BudgetYears);
        TotalsOf(writer, result.TotalCost, result.TotalFunded, result.PublicFunding, result.CarrierShare, result.Unfunded, result.OverFunding, result.CarrierId);
        Table(writer, result.Schedule.Table);
        TreasuryOf(writer, result.Schedule.Treasury, sentences);
        writer.WriteStartArray(Checks);
        for (int i = 0; i < result.Checks.Count; i++)
        {
            var check = result.Checks[i];
            writer.WriteStartObject();
            writer.WriteString(Id, check.Id);
            writer.WriteString(Outcome, StrictEnumConverter<CheckOutcome>.Encoded(check.Outcome));
            writer.WriteBoolean(Passed, check.Passed);
            writer.WriteString(Message, check.Message);
            writer.WriteString(Source, check.Source);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void CostYears(Utf8JsonWriter writer, IReadOnlyList<BudgetYearCost> years, bool sentences)
    {
        writer.WriteStartArray(CostByBudgetYear);
        for (int i = 0; i < years.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Year, years[i].Year);
            writer.WriteNumber(Amount, years[i].Amount.Amount);
            if (sentences)
            {
                writer.WriteString(Sentence, years[i].Sentence);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>A funder's figures, the same at every level (the members of the lean answer's funder before its years).</summary>
    private static void FunderFigures(Utf8JsonWriter writer, FunderResult funder)
    {
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
    }

    private static void Funder(Utf8JsonWriter writer, FunderResult funder, FunderSchedule schedule, ExplainLevel explain)
    {
        writer.WriteStartObject();
        FunderFigures(writer, funder);
        if (explain != ExplainLevel.None)
        {
            writer.WriteStartObject(Formatted);
            Span<char> text = stackalloc char[FrenchFormat.MaxFormattedLength];
            FrenchFormat.TryFormatMoney(funder.Total, text, out int length);
            writer.WriteString(Total, text[..length]);
            FrenchFormat.TryFormatRate(funder.ShareOfCost, text, out length);
            writer.WriteString(ShareOfCost, text[..length]);
            FrenchFormat.TryFormatRate(funder.EffectiveRate, text, out length);
            writer.WriteString(EffectiveRate, text[..length]);
            writer.WriteString(TotalInWords, FrenchWords.Amount(funder.Total));
            writer.WriteEndObject();
        }
        ExplanationOf(writer, Explanation, funder.Explanation, explain);
        writer.WriteStartObject(Schedule);
        writer.WriteString(Mode, schedule.Mode.Type);
        writer.WriteStartArray(Payments);
        Span<byte> date = stackalloc byte[IsoLocalDateConverter.MaxUtf8Length];
        for (int i = 0; i < schedule.Payments.Count; i++)
        {
            var payment = schedule.Payments[i];
            writer.WriteStartObject();
            writer.WriteString(Date, date[..IsoLocalDateConverter.Utf8(payment.Date, date)]);
            writer.WriteNumber(BudgetYear, payment.BudgetYear);
            writer.WriteNumber(Amount, payment.Amount.Amount);
            writer.WriteString(Kind, StrictEnumConverter<PaymentKind>.Encoded(payment.Kind));
            if (explain == ExplainLevel.Full)
            {
                writer.WriteString(Sentence, payment.Sentence);
            }
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        YearAmounts(writer, ContributionByBudgetYear, funder.ContributionByBudgetYear);
        writer.WriteEndObject();
    }

    /// <summary>An explanation at a level: none omits it, summary writes its sentence, full adds its terms.</summary>
    private static void ExplanationOf(Utf8JsonWriter writer, JsonEncodedText name, Explanation explanation, ExplainLevel explain)
    {
        if (explain == ExplainLevel.None)
        {
            return;
        }
        writer.WriteStartObject(name);
        writer.WriteString(Rule, explanation.Rule);
        writer.WriteString(Sentence, explanation.Sentence);
        if (explain == ExplainLevel.Full)
        {
            writer.WriteStartArray(Terms);
            for (int i = 0; i < explanation.Terms.Count; i++)
            {
                var term = explanation.Terms[i];
                writer.WriteStartObject();
                writer.WriteString(Name, term.Name);
                writer.WriteNumber(Value, PlanResultMapping.TermValue(term));
                writer.WriteString(Unit, StrictEnumConverter<TermUnit>.Encoded(term.Unit));
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        writer.WriteEndObject();
    }

    private static void Parts(Utf8JsonWriter writer, IReadOnlyList<GroupResult> groups, IReadOnlyList<SharedCeilingResult> ceilings, ExplainLevel explain)
    {
        writer.WriteStartArray(Groups);
        for (int i = 0; i < groups.Count; i++)
        {
            var group = groups[i];
            writer.WriteStartObject();
            writer.WriteString(Id, group.Id);
            writer.WriteString(Name, group.Name);
            writer.WriteNumber(Pool, group.Pool.Amount);
            writer.WriteNumber(Allocated, group.Allocated.Amount);
            writer.WriteNumber(Unallocated, group.Unallocated.Amount);
            Strings(writer, MemberIds, group.MemberIds);
            ExplanationOf(writer, Explanation, group.Explanation, explain);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteStartArray(SharedCeilings);
        for (int i = 0; i < ceilings.Count; i++)
        {
            SharedCeiling(writer, ceilings[i], explain);
        }
        writer.WriteEndArray();
    }

    private static void BudgetYearBalances(Utf8JsonWriter writer, IReadOnlyList<BudgetYearBalance> balances)
    {
        writer.WriteStartArray(BudgetYears);
        for (int i = 0; i < balances.Count; i++)
        {
            var balance = balances[i];
            writer.WriteStartObject();
            writer.WriteNumber(Year, balance.Year);
            writer.WriteNumber(Cost, balance.Cost.Amount);
            writer.WriteNumber(Contributions, balance.Contributions.Amount);
            writer.WriteNumber(OverFunding, balance.OverFunding.Amount);
            writer.WriteNumber(Unfunded, balance.Unfunded.Amount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void TotalsOf(Utf8JsonWriter writer, Money totalCost, Money totalFunded, Money publicFunding, Money carrierShare, Money unfunded, Money overFunding, string? carrierId)
    {
        writer.WriteStartObject(Totals);
        writer.WriteNumber(TotalCost, totalCost.Amount);
        writer.WriteNumber(TotalFunded, totalFunded.Amount);
        writer.WriteNumber(PublicFunding, publicFunding.Amount);
        writer.WriteNumber(CarrierShare, carrierShare.Amount);
        writer.WriteNumber(Unfunded, unfunded.Amount);
        writer.WriteNumber(OverFunding, overFunding.Amount);
        if (carrierId is not null)
        {
            writer.WriteString(CarrierId, carrierId);
        }
        writer.WriteEndObject();
    }

    private static void SharedCeiling(Utf8JsonWriter writer, SharedCeilingResult ceiling, ExplainLevel explain)
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
        ExplanationOf(writer, Explanation, ceiling.Explanation, explain);
        writer.WriteEndObject();
    }

    private static void Table(Utf8JsonWriter writer, BudgetYearTable table)
    {
        writer.WriteStartObject(BudgetYearTable);
        writer.WriteStartArray(Years);
        for (int i = 0; i < table.Years.Count; i++)
        {
            writer.WriteNumberValue(table.Years[i]);
        }
        writer.WriteEndArray();
        writer.WriteStartArray(Rows);
        for (int i = 0; i < table.Rows.Count; i++)
        {
            var row = table.Rows[i];
            writer.WriteStartObject();
            writer.WriteString(FunderId, row.FunderId);
            writer.WriteString(Name, row.Name);
            ByYear(writer, Amounts, table.Years, row.Amounts);
            writer.WriteNumber(Total, row.Total.Amount);
            ByYear(writer, Contributions, table.Years, row.Contributions);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        ByYear(writer, YearTotals, table.Years, table.YearTotals);
        writer.WriteNumber(GrandTotal, table.GrandTotal.Amount);
        ByYear(writer, CostByYear, table.Years, table.CostByYear);
        ByYear(writer, ContributionTotals, table.Years, table.ContributionTotals);
        ByYear(writer, OverFundingByYear, table.Years, table.OverFundingByYear);
        ByYear(writer, UnfundedByYear, table.Years, table.UnfundedByYear);
        writer.WriteEndObject();
    }

    private static void TreasuryOf(Utf8JsonWriter writer, TreasuryProjection treasury, bool sentences)
    {
        writer.WriteStartObject(Treasury);
        if (treasury.CarrierId is { } carrierId)
        {
            writer.WriteString(CarrierId, carrierId);
        }
        writer.WriteStartArray(Months);
        Span<byte> text = stackalloc byte[IsoLocalDateConverter.MaxUtf8Length];
        for (int i = 0; i < treasury.Months.Count; i++)
        {
            var month = treasury.Months[i];
            writer.WriteStartObject();
            writer.WriteString(Month, text[..PlanResultMapping.MonthUtf8(month.Month, text)]);
            writer.WriteNumber(Cost, month.Cost.Amount);
            writer.WriteNumber(Receipts, month.Receipts.Amount);
            writer.WriteNumber(Balance, month.Balance.Amount);
            writer.WriteNumber(OwnContribution, month.OwnContribution.Amount);
            writer.WriteNumber(BalanceWithOwnContributions, month.BalanceWithOwnContributions.Amount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNumber(TotalCost, treasury.TotalCost.Amount);
        writer.WriteNumber(TotalReceipts, treasury.TotalReceipts.Amount);
        writer.WriteNumber(EndBalance, treasury.EndBalance.Amount);
        writer.WriteNumber(LargestDeficit, treasury.LargestDeficit.Amount);
        if (treasury.LargestDeficitMonth is { } deficitMonth)
        {
            writer.WriteString(LargestDeficitMonth, text[..PlanResultMapping.MonthUtf8(deficitMonth, text)]);
        }
        writer.WriteStartArray(DeficitMonths);
        for (int i = 0; i < treasury.DeficitMonths.Count; i++)
        {
            writer.WriteStringValue(text[..PlanResultMapping.MonthUtf8(treasury.DeficitMonths[i], text)]);
        }
        writer.WriteEndArray();
        writer.WriteNumber(LargestDeficitWithOwnContributions, treasury.LargestDeficitWithOwnContributions.Amount);
        if (sentences)
        {
            writer.WriteString(Sentence, treasury.Sentence);
        }
        writer.WriteEndObject();
    }

    private static void YearAmounts(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<BudgetYearAmount> years)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < years.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Year, years[i].Year);
            writer.WriteNumber(Amount, years[i].Amount.Amount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    /// <summary>Amounts aligned with their budget years, as objects that say their year (<see cref="PlanResultMapping.ByYear"/>).</summary>
    private static void ByYear(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<int> years, IReadOnlyList<Money> amounts)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < years.Count; i++)
        {
            writer.WriteStartObject();
            writer.WriteNumber(Year, years[i]);
            writer.WriteNumber(Amount, amounts[i].Amount);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void Strings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        for (int i = 0; i < values.Count; i++)
        {
            writer.WriteStringValue(values[i]);
        }
        writer.WriteEndArray();
    }
}
