using Funding.Execution;

namespace Funding.Reports;

/// <summary>A funder's letter: the request for the balance (« demande de versement du solde ») or the statement of what it was overpaid.</summary>
/// <param name="FunderId">The funder.</param>
/// <param name="Title">« Demande de versement du solde », « Trop-perçu à reverser » or « Situation de la participation ».</param>
/// <param name="Paragraphs">The letter's paragraphs, in French, every figure explained.</param>
/// <param name="Receipts">The payments received from the funder, for the table of the letter: date, reference, amount.</param>
public sealed record BalanceLetter(string FunderId, string Title, IReadOnlyList<string> Paragraphs, IReadOnlyList<Receipt> Receipts);
