namespace Funding.Schedules;

/// <summary>Equal monthly payments on the first day of each month of the period ("mensualités").</summary>
public sealed record MonthlyPayment : PaymentMode
{
    /// <inheritdoc />
    public override string Type => "monthly";
}
