using BenchmarkDotNet.Attributes;
using Funding;
using Funding.Formatting;

namespace Funding.Benchmarks;

/// <summary>The cost of the French figures that every explanation sentence contains.</summary>
[MemoryDiagnoser]
public class FormattingBenchmarks
{
    private readonly Money _amount = Money.Euros(11_593.50m);

    [Benchmark(Baseline = true)]
    public string InvariantDecimal() => _amount.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Benchmark]
    public string FrenchMoney() => FrenchFormat.Money(_amount);

    /// <summary>A computed share of the cost: « 38,54 % ».</summary>
    [Benchmark]
    public string FrenchRatio() => FrenchFormat.Rate(Ratio.Of(Money.Euros(80_000m), Money.Euros(207_600m)));

    [Benchmark]
    public string FrenchDate() => FrenchFormat.Date(new NodaTime.LocalDate(2022, 3, 17));

    /// <summary>An exact prorata part: « 8 695,125 € ».</summary>
    [Benchmark]
    public string FrenchExactMoney() => FrenchFormat.ExactMoney(8_695.125m);

    [Benchmark]
    public string AmountInWords() => FrenchWords.Amount(_amount);
}
