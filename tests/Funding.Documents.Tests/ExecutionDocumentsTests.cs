using Funding.Execution;
using Funding.Plans;
using NodaTime;

namespace Funding.Documents.Tests;

/// <summary>The execution workbook and letters on the worked case of docs/execution.md (figures by hand there).</summary>
public class ExecutionDocumentsTests
{
    private static readonly Plan Seed = SamplePlans.TerritoireIndustrieFinistere.Plan with
    {
        Funders = [.. SamplePlans.TerritoireIndustrieFinistere.Plan.Funders.Select(f => f.Id == "qbo" ? f with { Execution = new(FixedProRata: true, CapAtGrant: false) } : f)],
    };

    private static readonly ExecutionInput Input = new(
        [new BudgetYearAmount(2022, Money.Euros(77_850m)), new BudgetYearAmount(2023, Money.Euros(25_950m)), new BudgetYearAmount(2024, Money.Euros(25_950m))],
        [new Receipt("etat", new LocalDate(2022, 4, 1), Money.Euros(80_000m), "titre n° 2022-041"), new Receipt("qbo", new LocalDate(2022, 4, 1), Money.Euros(8_695.13m))]);

    private static readonly ExecutionResult Result = ExecutionEvaluator.Evaluate(Seed, Input);

    [Fact]
    public void EveryFormulaOfTheStatement_ComputedIndependently_GivesItsCachedValue()
    {
        var (sheets, _) = SheetXml.Read(ExecutionDocuments.Workbook(Result));
        sheets.Select(s => s.Name).ShouldBe(ExecutionDocuments.SheetNames);
        int formulas = 0;
        foreach (var sheet in sheets)
        {
            foreach (var (reference, cell) in sheet.Cells.Where(c => c.Value.Formula is not null))
            {
                (sheet.EvaluateFormula(cell.Formula!) - cell.Value!.Value).ShouldBe(0m, $"{sheet.Name}!{reference} = {cell.Formula}");
                formulas++;
            }
        }
        formulas.ShouldBeGreaterThan(40);
        // The State's row: due 64 875, received 80 000, to pay back 15 125 (by hand: 50 % × 129 750).
        var statement = sheets[0];
        statement.Cells["C2"].Value.ShouldBe(64_875m);
        statement.Evaluate("G2").ShouldBe(15_125m);
        ExecutionDocuments.Workbook(Result).ShouldBe(ExecutionDocuments.Workbook(ExecutionEvaluator.Evaluate(Seed, Input)));
    }

    [Fact]
    public void TheLetters_AskForTheBalance_OrStateWhatIsPaidBack()
    {
        var state = string.Join("\n", DeliberationDocumentTests.Paragraphs(ExecutionDocuments.Letter(Result, Input, "etat")));
        state.ShouldContain("TROP-PERÇU À REVERSER");
        state.ShouldContain("quinze mille cent vingt-cinq euros");
        state.ShouldContain("titre n° 2022-041");
        var brest = string.Join("\n", DeliberationDocumentTests.Paragraphs(ExecutionDocuments.Letter(Result, Input, "brest-metropole")));
        brest.ShouldContain("DEMANDE DE VERSEMENT DU SOLDE");
        brest.ShouldContain("vous prie de bien vouloir lui verser le solde de votre participation");
    }
}
