namespace Funding;

/// <summary>
/// The SIREN, the 9-digit number of the national register that identifies a French public or private body (a commune,
/// an EPCI, a department, a company): its last digit is a Luhn key, so one mistyped digit or two swapped neighbours
/// are caught.
/// </summary>
public static class Siren
{
    /// <summary>Why <paramref name="siren"/> is not a valid SIREN, or null when it is.</summary>
    /// <param name="siren">The number, 9 digits without spaces.</param>
    /// <returns>A message, or null.</returns>
    public static FundingMessage? Problem(string siren)
    {
        Preconditions.CheckNotNull(siren);
        if (siren.Length != 9 || !siren.All(char.IsAsciiDigit))
        {
            return new(ErrorCodes.SirenInvalid,
                "Un SIREN compte exactement 9 chiffres, sans espace ni autre signe (par exemple 732829320).",
                "A SIREN is exactly 9 digits, without spaces or other signs (e.g. 732829320).");
        }
        return IsLuhnValid(siren) ? null : new(ErrorCodes.SirenInvalid,
            "Ce SIREN n'est pas valide : sa clé de contrôle (le dernier chiffre, clé de Luhn) ne correspond pas. Un chiffre a sans doute été mal recopié.",
            "This SIREN is not valid: its check digit (the last, a Luhn key) does not match. A digit was probably mistyped.");
    }

    /// <summary>Whether the digits pass the Luhn check: from the right, every second digit doubled (less 9 above 9), the sum a multiple of 10.</summary>
    /// <param name="digits">ASCII digits.</param>
    /// <returns>True when the check passes.</returns>
    public static bool IsLuhnValid(string digits)
    {
        Preconditions.CheckNotNull(digits);
        int sum = 0;
        for (int i = 0; i < digits.Length; i++)
        {
            int digit = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                digit *= 2;
                if (digit > 9)
                {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }
}
