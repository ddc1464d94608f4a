namespace Funding.Rules;

/// <summary>
/// What a rule writes its total with, as a spreadsheet formula (the workbook's « Calcul » sheet): its inputs as cells the
/// reader may change, the plan's total cost, what is still to fund at its point of the waterfall, earlier funders'
/// totals, and rounding to the cent by the plan's policy. Every method gives a cell reference or an expression in the
/// spreadsheet's syntax (<c>ROUND(Calcul!$B$14*Calcul!$B$12,2)</c>).
/// </summary>
public interface IFormulaContext
{
    /// <summary>Declares an amount the reader may change (a cap, an annual amount) and gives its cell.</summary>
    /// <param name="label">What it is, in French: « plafond ».</param>
    /// <param name="value">Its value in the plan.</param>
    /// <returns>The cell's reference.</returns>
    string Input(string label, Money value);

    /// <summary>Declares a rate the reader may change and gives its cell (a fraction, shown as a percentage).</summary>
    /// <param name="label">What it is, in French: « taux ».</param>
    /// <param name="value">Its value in the plan.</param>
    /// <returns>The cell's reference.</returns>
    string Input(string label, Rate value);

    /// <summary>The cell of the plan's total cost.</summary>
    string TotalCost { get; }

    /// <summary>The cell of what is still to fund when the rule applies (after every funder before it; for the remainder, after all).</summary>
    string Available { get; }

    /// <summary>The months of the period, a number.</summary>
    int Months { get; }

    /// <summary>The cell of an earlier funder's total, or null when it has none there.</summary>
    /// <param name="funderId">The funder's id.</param>
    /// <returns>The cell, or null.</returns>
    string? TotalOf(string funderId);

    /// <summary>
    /// <paramref name="expression"/> rounded to the cent as the plan's rounding policy rounds it (<c>ROUND</c> for half away
    /// from zero), or null when no spreadsheet function rounds exactly that way (then the rule gives no formula).
    /// </summary>
    /// <param name="expression">The exact amount's expression.</param>
    /// <returns>The rounded expression, or null.</returns>
    string? Round(string expression);
}
