namespace Funding.Execution;

/// <summary>The ids of the execution checks.</summary>
public static class ExecutionChecks
{
    /// <summary>The first receipt of a funder paying an advance is within the advance ceiling.</summary>
    public const string AdvanceReceived = "advance-received";

    /// <summary>What a funder paying an advance and installments paid before the balance is within the installments ceiling.</summary>
    public const string InstallmentsReceived = "installments-received";
}
