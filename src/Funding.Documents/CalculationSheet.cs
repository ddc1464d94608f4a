using System.Globalization;
using Funding.Documents.Xlsx;
using Funding.Plans;
using Funding.Rules;

namespace Funding.Documents;

/// <summary>
/// The workbook's « Calcul » sheet: the plan's inputs (the annual cost, each funder's rate, cap, floor, amounts) in
/// yellow cells, and each funder's total as its rule's formula of them (<see cref="ContributionRule.Formula"/>), in the
/// order of the waterfall, each within what is still to fund. Change the State's cap and its share, the group's pool and
/// the carrier's remainder follow. A split by largest remainder (a group's members) is not a formula: its values stay
/// the plan's, and the sheet says so beside them.
/// </summary>
/// <remarks>
/// The formulas are written only where they give the engine's figures exactly: an annual cost without growth, no shared
/// ceiling, and every rule able to write one (no rule working budget year by budget year, the plan's rounding policy
/// one a spreadsheet function rounds with). Otherwise the sheet lists the figures and says why they do not recompute.
/// Every formula's cached value is the plan's own figure.
/// </remarks>
internal static class CalculationSheet
{
    private const int FirstRow = 5;

    public static XSheet Build(PlanResult result, string name)
    {
        var sheet = new XSheet(name) { HeaderRows = 4, Landscape = false };
        sheet.Widths.AddRange([48, 18, 22, 70]);
        var plan = result.Plan;
        var groups = result.Groups.ToDictionary(g => g.Id, StringComparer.Ordinal);
        // Rows: each funder in plan order, a group's members under it.
        int rows = plan.Funders.Sum(f => groups.TryGetValue(f.Id, out var g) ? 1 + g.MemberIds.Count : 1);
        int totalRow = FirstRow + rows;
        int unfundedRow = totalRow + 1;
        int annualRow = unfundedRow + 3;
        int costRow = annualRow + 1;
        var cells = new Cells(costRow + 1, plan.Options.Rounding, plan.Cost.Period.Months);

        bool live = plan.Cost is AnnualCost { Growth: var growth } && (growth is null || growth == Rate.Zero) && plan.SharedCeilings.Count == 0;
        var formulas = new string?[plan.Funders.Count];
        var rowOf = new int[plan.Funders.Count];
        var availableAfter = new Money[plan.Funders.Count];
        var availableCell = new string[plan.Funders.Count];
        int row = FirstRow;
        for (int f = 0; f < plan.Funders.Count; f++)
        {
            rowOf[f] = row;
            row += groups.TryGetValue(plan.Funders[f].Id, out var g) ? 1 + g.MemberIds.Count : 1;
        }

        // The waterfall, as the engine runs it: every funder in order, the remainder last; each non-promise within what is
        // still to fund, which never goes below zero.
        string available = $"$B${costRow}";
        var availableAmount = result.TotalCost;
        int? remainder = null;
        for (int f = 0; f < plan.Funders.Count && live; f++)
        {
            var funder = plan.Funders[f];
            if (funder.Rule.Stage == WaterfallStage.Last)
            {
                remainder = f;
                continue;
            }
            cells.Begin(funder.Name, available);
            formulas[f] = funder.Rule.Formula(cells) is { } formula ? (funder.Rule.IsPromise ? formula : $"MIN({formula},{available})") : null;
            cells.Total(funder.Id, $"$B${rowOf[f]}");
            live &= formulas[f] is not null;
            var amount = Total(result, funder.Id);
            availableAmount = amount <= availableAmount ? availableAmount - amount : Money.Zero;
            availableAfter[f] = availableAmount;
            availableCell[f] = $"C{rowOf[f]}";
            available = $"$C${rowOf[f]}";
        }
        if (remainder is { } last && live)
        {
            var funder = plan.Funders[last];
            cells.Begin(funder.Name, available);
            formulas[last] = funder.Rule.Formula(cells);
            live &= formulas[last] is not null;
            var amount = Total(result, funder.Id);
            availableAfter[last] = availableAmount - amount;
            availableCell[last] = $"C{rowOf[last]}";
        }
        if (!live)
        {
            cells.Clear();
        }

        sheet.Add(XCell.Of("Recalcul du plan de financement", CellLook.Title));
        sheet.Add(XCell.Of(live
            ? "Modifiez les cellules jaunes (les hypothèses, en bas) : chaque montant se recalcule selon la règle de son financeur, dans l'ordre du plan, sans dépasser ce qui reste à financer."
            : "Ce plan a des règles qui ne s'écrivent pas exactement en formules (règles par exercice, coût variable, plafond commun, arrondi particulier) : les montants sont ceux calculés par Funding, sans recalcul.", CellLook.Wrapped));
        sheet.Add();
        sheet.Add(XCell.Of("Financeur", CellLook.Header), XCell.Of("Montant", CellLook.Header), XCell.Of("Reste à financer après", CellLook.Header), XCell.Of("Calcul", CellLook.Header));
        var topRows = new List<string>();
        for (int f = 0; f < plan.Funders.Count; f++)
        {
            var funder = plan.Funders[f];
            var amount = Total(result, funder.Id);
            topRows.Add($"B{rowOf[f]}");
            sheet.Add(
                XCell.Of(funder.Name, CellLook.Bold),
                formulas[f] is { } formula && live ? XCell.Calc(formula, amount.Amount, CellLook.MoneyBold) : XCell.Money(amount, CellLook.MoneyBold),
                live ? XCell.Calc(AvailableFormula(funder, f, rowOf, availableCell, costRow, remainder, plan), availableAfter[f].Amount, CellLook.Money) : XCell.Empty,
                XCell.Of(Method(funder, live), CellLook.Wrapped));
            if (groups.TryGetValue(funder.Id, out var group))
            {
                foreach (string id in group.MemberIds)
                {
                    var member = result.Funder(id);
                    sheet.Add(XCell.Of("    " + member.Name), XCell.Money(member.Total), XCell.Empty,
                        XCell.Of("Part de l'enveloppe répartie par Funding au plus fort reste (clé du groupe) : elle ne se recalcule pas ici.", CellLook.Wrapped));
                }
            }
        }
        sheet.Add(XCell.Of("Total des financements", CellLook.Bold),
            XCell.Calc(string.Join("+", topRows), plan.Funders.Sum(f => Total(result, f.Id).Amount), CellLook.MoneyBold));
        sheet.Add(XCell.Of("Reste non financé", CellLook.Bold),
            live ? XCell.Calc($"$B${costRow}-B{totalRow}", result.TotalCost.Amount - plan.Funders.Sum(f => Total(result, f.Id).Amount), CellLook.MoneyBold) : XCell.Money(result.TotalCost - plan.Funders.Select(f => Total(result, f.Id)).Sum(), CellLook.MoneyBold));
        sheet.Add();
        sheet.Add(XCell.Of("Hypothèses", CellLook.Header), XCell.Of("Valeur", CellLook.Header), XCell.Empty, XCell.Of("", CellLook.Header));
        var period = plan.Cost.Period;
        if (plan.Cost is AnnualCost annualCost && live)
        {
            sheet.Add(XCell.Of("Coût annuel du poste"), XCell.Money(annualCost.AnnualAmount, CellLook.InputMoney), XCell.Empty,
                XCell.Of($"Sur {period.Months.ToString(CultureInfo.InvariantCulture)} mois, du {Formatting.FrenchFormat.Date(period.Start)} au {Formatting.FrenchFormat.Date(period.End)}.", CellLook.Wrapped));
            string costFormula = period.Months % 12 == 0
                ? $"B{annualRow}*{(period.Months / 12).ToString(CultureInfo.InvariantCulture)}"
                : cells.Round($"B{annualRow}*{period.Months.ToString(CultureInfo.InvariantCulture)}/12") ?? $"B{annualRow}*{period.Months.ToString(CultureInfo.InvariantCulture)}/12";
            sheet.Add(XCell.Of("Coût total du projet", CellLook.Bold), XCell.Calc(costFormula, result.TotalCost.Amount, CellLook.MoneyBold));
        }
        else
        {
            sheet.Add(XCell.Of("Coût du projet"), XCell.Empty);
            sheet.Add(XCell.Of("Coût total du projet", CellLook.Bold), XCell.Money(result.TotalCost, CellLook.MoneyBold));
        }
        foreach (var input in cells.Inputs)
        {
            sheet.Add(XCell.Of(input.Label), input.Rate is { } rate ? XCell.Num(rate.Fraction, CellLook.InputPercent) : XCell.Money(input.Amount!.Value, CellLook.InputMoney));
        }
        return sheet;
    }

    /// <summary>What is still to fund after a funder: the cost, less what it and those before it gave (never below zero).</summary>
    private static string AvailableFormula(Funder funder, int f, int[] rowOf, string[] availableCell, int costRow, int? remainder, Plan plan)
    {
        // The funder before it in the waterfall (the remainder is last, whatever its place).
        string before = $"$B${costRow}";
        if (funder.Rule.Stage == WaterfallStage.Last)
        {
            for (int k = plan.Funders.Count - 1; k >= 0; k--)
            {
                if (k != f && plan.Funders[k].Rule.Stage != WaterfallStage.Last)
                {
                    before = $"C{rowOf[k]}";
                    break;
                }
            }
            return $"{before}-B{rowOf[f]}";
        }
        for (int k = f - 1; k >= 0; k--)
        {
            if (k != remainder)
            {
                before = $"C{rowOf[k]}";
                break;
            }
        }
        return $"MAX({before}-B{rowOf[f]},0)";
    }

    private static Money Total(PlanResult result, string id) =>
        result.Groups.FirstOrDefault(g => g.Id == id) is { } group ? group.Allocated : result.Funder(id).Total;

    private static string Method(Funder funder, bool live) => !live
        ? "Calculé par Funding."
        : funder.Rule.IsPromise
            ? "Montant promis (il n'est pas réduit par ce qui reste à financer)."
            : funder.Rule.Stage == WaterfallStage.Last
                ? "Reste à charge : ce qui reste à financer après tous les autres financeurs."
                : "Formule de sa règle, dans la limite de ce qui reste à financer.";

    /// <summary>The cells a rule's formula refers to: its inputs, added below the table, and the waterfall's.</summary>
    private sealed class Cells(int firstInputRow, RoundingPolicy policy, int months) : IFormulaContext
    {
        private readonly List<(string Label, Money? Amount, Rate? Rate)> _inputs = [];
        private readonly Dictionary<string, string> _totals = new(StringComparer.Ordinal);
        private string _funder = "";
        private string _available = "";

        public IReadOnlyList<(string Label, Money? Amount, Rate? Rate)> Inputs => _inputs;

        public string TotalCost => $"$B${firstInputRow - 1}";

        public string Available => _available;

        public int Months => months;

        public void Begin(string funder, string available)
        {
            _funder = funder;
            _available = available;
        }

        /// <summary>Where a funder's total is, for a later rule that follows it (a match).</summary>
        public void Total(string funderId, string cell) => _totals[funderId] = cell;

        public void Clear() => _inputs.Clear();

        public string Input(string label, Money value) => Add($"{_funder} — {label}", value, null);

        public string Input(string label, Rate value) => Add($"{_funder} — {label}", null, value);

        public string? TotalOf(string funderId) => _totals.GetValueOrDefault(funderId);

        public string? Round(string expression) => policy.Mode switch
        {
            // Half to even and truncation have no spreadsheet function that gives them exactly on binary floating point.
            MidpointRounding.AwayFromZero => $"ROUND({expression},2)",
            _ => null,
        };

        private string Add(string label, Money? amount, Rate? rate)
        {
            _inputs.Add((label, amount, rate));
            return $"$B${firstInputRow + _inputs.Count - 1}";
        }
    }
}
