namespace Funding.Schedules;

/// <summary>What each payment is.</summary>
public enum PaymentKind
{
    /// <summary>The whole contribution at once ("versement unique").</summary>
    OneOff,

    /// <summary>One budget year's part ("annuité").</summary>
    Annual,

    /// <summary>The advance at the start ("avance").</summary>
    Advance,

    /// <summary>An installment before the balance ("acompte").</summary>
    Installment,

    /// <summary>The balance at the end ("solde").</summary>
    Balance,

    /// <summary>A monthly payment ("mensualité").</summary>
    Monthly,
}
