using System.Linq;
using System.Text;

namespace Liner.PowerShell.Filtering;

/// <summary>
/// Phone numbers as people write them, reduced to what identifies them: digits only (and the wildcard
/// characters of a pattern), so <c>+7 (495) 123-45-67</c>, <c>74951234567</c> and Russia's national form
/// <c>8 (495) 123-45-67</c> are all <c>74951234567</c>.
/// </summary>
internal static class PhoneNumber
{
    public static string Normalize(string phone)
    {
        var text = new StringBuilder(phone.Length);
        var wildcard = false;
        foreach (var c in phone)
        {
            if (c is >= '0' and <= '9')
            {
                text.Append(c);
            }
            else if (c is '*' or '?' or '[' or ']')
            {
                text.Append(c);
                wildcard = true;
            }
        }
        // 8 and ten digits is the national way of writing +7 and ten digits.
        if (!wildcard && text.Length == 11 && text[0] == '8')
        {
            text[0] = '7';
        }
        return text.ToString();
    }

    /// <summary>
    /// A phone as the API takes it (E.164: + and the digits), from however it was written; text that
    /// is not a phone number of 10 to 15 digits is left as it is, for the API to refuse with its reason.
    /// </summary>
    public static string ToE164(string phone)
    {
        var digits = Normalize(phone);
        return digits.Length is >= 10 and <= 15 && digits.All(char.IsDigit) ? "+" + digits : phone.Trim();
    }
}
