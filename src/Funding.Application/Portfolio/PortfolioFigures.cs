using Funding.Storage;

namespace Funding.Application.Portfolio;

/// <summary>
/// The portfolio's rows, read from the engine's own answers: a version's from its <see cref="PlanResponse"/> (each
/// funder's <c>contributionByBudgetYear</c> and its schedule's payments by budget year), an execution entry's from its
/// receipts (by the budget year of their date) and its <see cref="ExecutionResponse"/> (what each funder owes on the
/// actual expenses, year by year). Amounts are cents: the answers' amounts have two decimals, so nothing is rounded.
/// </summary>
internal static class PortfolioFigures
{
    /// <summary>A funder's key across plans: its SIREN when the plan gives it, else its id.</summary>
    public static string Key(string? siren, string id) => siren is null ? "id:" + id : "siren:" + siren;

    /// <summary>
    /// The key of a funder a request names — its SIREN (9 digits, the Luhn key checked) or its id in the plans — or
    /// null, with the problem on <paramref name="path"/>.
    /// </summary>
    public static string? FunderKey(string funder, string path, RequestErrors errors)
    {
        if (funder.Length == 9 && funder.All(char.IsAsciiDigit))
        {
            if (Siren.Problem(funder) is { } problem)
            {
                errors.Add(path, problem);
                return null;
            }
            return Key(funder, "");
        }
        if (TextRules.IdProblem(funder) is { } idProblem)
        {
            errors.Add(path, idProblem);
            return null;
        }
        return Key(null, funder);
    }

    /// <summary>A budget year a request gives, within the engine's limits, or the problem on <paramref name="path"/>.</summary>
    public static void CheckYear(int? year, string path, RequestErrors errors)
    {
        if (year is < FundingLimits.MinYear or > FundingLimits.MaxYear)
        {
            errors.Add(path, ErrorCodes.DateOutOfRange, $"L'exercice {year} est hors limites ({FundingLimits.MinYear}–{FundingLimits.MaxYear}).",
                $"Budget year {year} is out of range ({FundingLimits.MinYear}–{FundingLimits.MaxYear}).");
        }
    }

    /// <summary>A funder's figures as an answer gives them: contributions and payments by budget year.</summary>
    private sealed record FunderFigures(string Id, string Name, string? Siren, bool IsCarrier, IReadOnlyDictionary<int, decimal> Contributions, IReadOnlyDictionary<int, decimal> Payments);

    /// <summary>The rows of a version: one per funder and budget year of its contributions or payments.</summary>
    public static FigureSet Version(PlanRequest plan, PlanResponse result) => Rows(plan, result.Funders.Select(f => new FunderFigures(
        f.Id, f.Name, f.Siren, f.IsCarrier,
        f.ContributionByBudgetYear.ToDictionary(y => y.Year, y => y.Amount),
        (f.Schedule?.Payments ?? []).GroupBy(p => p.BudgetYear).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount)))));

    /// <summary>
    /// The rows of a signed version, from its frozen answer's bytes: only the funders' ids, names, SIREN, carrier flag,
    /// contributions and payments are read (a signed answer is a whole version response, explanations included).
    /// </summary>
    public static FigureSet SignedVersion(PlanRequest plan, byte[] answer)
    {
        using var document = System.Text.Json.JsonDocument.Parse(answer);
        return Rows(plan, document.RootElement.GetProperty("result").GetProperty("funders").EnumerateArray().Select(f => new FunderFigures(
            f.GetProperty("id").GetString() ?? throw new FormatException("A funder's id is null."),
            f.GetProperty("name").GetString() ?? throw new FormatException("A funder's name is null."),
            f.TryGetProperty("siren", out var siren) ? siren.GetString() : null,
            f.GetProperty("isCarrier").GetBoolean(),
            f.GetProperty("contributionByBudgetYear").EnumerateArray().ToDictionary(y => y.GetProperty("year").GetInt32(), y => y.GetProperty("amount").GetDecimal()),
            f.TryGetProperty("schedule", out var schedule)
                ? schedule.GetProperty("payments").EnumerateArray().GroupBy(p => p.GetProperty("budgetYear").GetInt32()).ToDictionary(g => g.Key, g => g.Sum(p => p.GetProperty("amount").GetDecimal()))
                : [])).ToArray());
    }

    /// <summary>
    /// The rows of a signed version, or null when its answer is not a version response with those figures — an export
    /// edited by hand, or damaged: the bytes an import is given are not the API's own until read.
    /// </summary>
    public static FigureSet? TrySignedVersion(PlanRequest plan, byte[] answer)
    {
        try
        {
            return SignedVersion(plan, answer);
        }
        catch (Exception e) when (e is System.Text.Json.JsonException or KeyNotFoundException or InvalidOperationException or FormatException or ArgumentException or OverflowException)
        {
            // Not JSON (JsonException); a property missing (KeyNotFoundException); a value of another kind than the answer
            // writes (InvalidOperationException); a number out of range or a null name (FormatException); a budget year
            // given twice (ArgumentException); amounts whose sum or cents overflow (OverflowException).
            return null;
        }
    }

    /// <summary>One row per funder and budget year of its contributions or payments, each carrying the plan's carrier.</summary>
    private static FigureSet Rows(PlanRequest plan, IEnumerable<FunderFigures> figures)
    {
        var funders = figures.ToArray();
        var carrier = funders.FirstOrDefault(f => f.IsCarrier);
        string? carrierKey = carrier is null ? null : Key(carrier.Siren, carrier.Id);
        var rows = new List<FigureRow>();
        foreach (var funder in funders)
        {
            string key = Key(funder.Siren, funder.Id);
            foreach (int year in funder.Contributions.Keys.Union(funder.Payments.Keys).Order())
            {
                rows.Add(new FigureRow(funder.Id, key, funder.Name, funder.Siren, funder.IsCarrier, carrierKey, year,
                    Cents(funder.Contributions.GetValueOrDefault(year)), Cents(funder.Payments.GetValueOrDefault(year))));
            }
        }
        return new FigureSet(plan.Programme?.Id, rows);
    }

    /// <summary>The rows of an execution entry: one per funder and budget year of its receipts or its due.</summary>
    public static IReadOnlyList<ExecutionFigureRow> Execution(PlanResponse plan, RecordExecutionRequest request, ExecutionResponse result)
    {
        var sirens = plan.Funders.ToDictionary(f => f.Id, f => f.Siren, StringComparer.Ordinal);
        var carrier = plan.Funders.FirstOrDefault(f => f.IsCarrier);
        string? carrierKey = carrier is null ? null : Key(carrier.Siren, carrier.Id);
        var received = (request.Receipts ?? []).GroupBy(r => (r.FunderId, r.Date.Year)).ToDictionary(g => g.Key, g => g.Sum(r => r.Amount));
        var rows = new List<ExecutionFigureRow>();
        foreach (var funder in result.Funders)
        {
            string key = Key(sirens.GetValueOrDefault(funder.Id), funder.Id);
            var due = funder.ByBudgetYear.ToDictionary(y => y.Year, y => y.Actual);
            var years = due.Keys.Union(received.Keys.Where(k => k.FunderId == funder.Id).Select(k => k.Year)).Order();
            foreach (int year in years)
            {
                rows.Add(new ExecutionFigureRow(funder.Id, key, funder.IsCarrier, carrierKey, year,
                    Cents(received.GetValueOrDefault((funder.Id, year))), Cents(due.GetValueOrDefault(year))));
            }
        }
        return rows;
    }

    /// <summary>Euros with at most two decimals, as cents; anything finer is a defect, never rounded away.</summary>
    public static long Cents(decimal euros)
    {
        decimal cents = euros * 100m;
        return cents == decimal.Truncate(cents)
            ? checked((long)cents)
            : throw new InvalidOperationException($"The amount {euros} has more than two decimals: the portfolio keeps cents exactly.");
    }

    /// <summary>Cents as euros, with two decimals.</summary>
    public static decimal Euros(long cents) => Money.FromCents(cents).Amount;
}
