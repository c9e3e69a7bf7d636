using System.Globalization;

namespace Ckan.Ingest.Typing;

/// <summary>
/// Classifies a trimmed cell as a number. A leading <c>+</c>, thousands separators, and a leading zero
/// before another digit (<c>007</c>, <c>-01</c>) make it text, because such cells are codes, not amounts.
/// </summary>
internal static class NumberClassifier
{
    // Every integer of up to 28 digits is below decimal's maximum, about 7.9e28.
    private const int MaxSafeIntegerDigits = 28;

    public static NumberKind Classify(ReadOnlySpan<char> text)
    {
        if (IsSpecial(text))
        {
            return NumberKind.Special;
        }

        var digits = text.Length > 0 && text[0] == '-' ? text[1..] : text;
        if (digits.Length == 0 || !char.IsAsciiDigit(digits[0]) && digits[0] != '.')
        {
            return NumberKind.None;
        }

        var integerLength = CountDigits(digits);
        if (integerLength > 1 && digits[0] == '0')
        {
            return NumberKind.None;
        }

        if (integerLength == digits.Length)
        {
            return ClassifyInteger(text);
        }

        return IsDecimalSyntax(digits[integerLength..], integerLength > 0)
            && (FitsDecimal(digits, integerLength)
                || decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
            ? NumberKind.Numeric
            : NumberKind.None;
    }

    // Without an exponent, decimal parsing fails only when the integer part overflows (over about 7.9e28);
    // a long fraction is rounded instead. So short values skip the parse, which costs more than the rest.
    private static bool FitsDecimal(ReadOnlySpan<char> digits, int integerLength) =>
        integerLength <= MaxSafeIntegerDigits && !digits.ContainsAny('e', 'E');

    /// <summary>
    /// Whether the trimmed text is written as a finite number: an optional minus sign, digits with an optional
    /// fraction, and an optional exponent. Unlike <see cref="Classify"/> it does not check the range or
    /// leading zeros.
    /// </summary>
    public static bool HasNumberSyntax(ReadOnlySpan<char> text)
    {
        var digits = text.Length > 0 && text[0] == '-' ? text[1..] : text;
        var integerLength = CountDigits(digits);
        return integerLength == digits.Length
            ? integerLength > 0
            : IsDecimalSyntax(digits[integerLength..], integerLength > 0);
    }

    /// <summary>Whether the text is NaN or an infinity in the spellings PostgreSQL and spreadsheets use.</summary>
    public static bool IsSpecial(ReadOnlySpan<char> text)
    {
        var unsigned = text.Length > 0 && text[0] is '-' or '+' ? text[1..] : text;
        return text.Equals("NaN", StringComparison.OrdinalIgnoreCase)
            || unsigned.Equals("Infinity", StringComparison.OrdinalIgnoreCase)
            || unsigned.Equals("inf", StringComparison.OrdinalIgnoreCase);
    }

    private static NumberKind ClassifyInteger(ReadOnlySpan<char> text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            return value is >= int.MinValue and <= int.MaxValue ? NumberKind.Int4 : NumberKind.Int8;
        }

        // Known limitation: numeric values travel as decimal, so an integer beyond its range (about 7.9e28) makes
        // the column text, with the digits kept exactly.
        return decimal.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? NumberKind.Numeric
            : NumberKind.None;
    }

    // After the integer part: an optional fraction ".digits" and an optional exponent "e[+-]digits".
    private static bool IsDecimalSyntax(ReadOnlySpan<char> rest, bool hasIntegerDigits)
    {
        var hasDigits = hasIntegerDigits;
        if (rest.Length > 0 && rest[0] == '.')
        {
            var fraction = CountDigits(rest[1..]);
            hasDigits |= fraction > 0;
            rest = rest[(1 + fraction)..];
        }

        if (!hasDigits)
        {
            return false;
        }

        if (rest.Length == 0)
        {
            return true;
        }

        if (rest[0] is not ('e' or 'E'))
        {
            return false;
        }

        rest = rest[1..];
        if (rest.Length > 0 && rest[0] is '+' or '-')
        {
            rest = rest[1..];
        }

        return rest.Length > 0 && CountDigits(rest) == rest.Length;
    }

    private static int CountDigits(ReadOnlySpan<char> text)
    {
        var index = 0;
        while (index < text.Length && char.IsAsciiDigit(text[index]))
        {
            index++;
        }

        return index;
    }
}
