using System.Globalization;

namespace Ckan.DataStore.Postgres;

/// <summary>
/// Encodes a number written in decimal text as PostgreSQL's binary <c>numeric</c>: the count of base-10000
/// digits, the weight of the first one, the sign and the display scale, then the digits. Working from the
/// text keeps every digit, where a .NET <c>decimal</c> would round beyond 28 or 29 of them.
/// </summary>
internal static class NumericBinary
{
    private const short Positive = 0x0000;
    private const short Negative = 0x4000;
    private const int DigitsPerGroup = 4;

    /// <summary>
    /// Writes the value with its length. The text must be an optional sign, digits with an optional
    /// fraction (at least one digit in all) and an optional exponent.
    /// </summary>
    /// <exception cref="FormatException">The text is not a number in that form.</exception>
    public static void Write(BinaryCopyBuffer buffer, ReadOnlySpan<char> text)
    {
        var number = Parse(text.Trim());
        var first = number.FirstNonZero();
        if (first < 0)
        {
            WriteGroups(buffer, number, 0, 0, 0, Positive);
            return;
        }

        var last = number.LastNonZero();
        var top = GroupOf(number.Point - 1 - first);
        var bottom = GroupOf(number.Point - 1 - last);
        WriteGroups(buffer, number, top, top - bottom + 1, top, number.IsNegative ? Negative : Positive);
    }

    private static void WriteGroups(
        BinaryCopyBuffer buffer,
        scoped DecimalText number,
        int top,
        int count,
        int weight,
        short sign)
    {
        buffer.WriteInt32(8 + 2 * count);
        buffer.WriteInt16(checked((short)count));
        buffer.WriteInt16(checked((short)weight));
        buffer.WriteInt16(sign);
        buffer.WriteInt16(checked((short)number.Scale));
        for (var group = top; group > top - count; group--)
        {
            var value = 0;
            for (var power = group * DigitsPerGroup + DigitsPerGroup - 1; power >= group * DigitsPerGroup; power--)
            {
                var index = number.Point - 1 - power;
                value = value * 10 + number.DigitAt(index);
            }

            buffer.WriteInt16((short)value);
        }
    }

    // The base-10000 group holding the decimal digit of the given power of ten, rounding down for negatives.
    private static int GroupOf(int power) => (int)Math.Floor(power / (double)DigitsPerGroup);

    private static DecimalText Parse(ReadOnlySpan<char> text)
    {
        var isNegative = text.Length > 0 && text[0] == '-';
        if (text.Length > 0 && text[0] is '-' or '+')
        {
            text = text[1..];
        }

        var exponent = 0;
        var marker = text.IndexOfAny('e', 'E');
        if (marker >= 0)
        {
            exponent = int.Parse(text[(marker + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            text = text[..marker];
        }

        var dot = text.IndexOf('.');
        var integer = dot < 0 ? text : text[..dot];
        var fraction = dot < 0 ? [] : text[(dot + 1)..];
        if (integer.Length + fraction.Length == 0
            || integer.ContainsAnyExceptInRange('0', '9')
            || fraction.ContainsAnyExceptInRange('0', '9'))
        {
            throw new FormatException("A numeric value must be digits with an optional fraction and exponent.");
        }

        return new DecimalText(integer, fraction, exponent, isNegative);
    }

    // The digits before and after the written point, read as one run of digits. Point counts the digits
    // before the decimal point once the exponent moves it (negative, or beyond the digits); Scale counts the
    // digits shown after it.
    private readonly ref struct DecimalText(
        ReadOnlySpan<char> integer,
        ReadOnlySpan<char> fraction,
        int exponent,
        bool isNegative)
    {
        private readonly ReadOnlySpan<char> _integer = integer;
        private readonly ReadOnlySpan<char> _fraction = fraction;

        public int Point { get; } = integer.Length + exponent;

        public int Scale { get; } = Math.Max(0, fraction.Length - exponent);

        public bool IsNegative { get; } = isNegative;

        public int DigitAt(int index)
        {
            if (index < 0 || index >= _integer.Length + _fraction.Length)
            {
                return 0;
            }

            return (index < _integer.Length ? _integer[index] : _fraction[index - _integer.Length]) - '0';
        }

        public int FirstNonZero()
        {
            var inInteger = _integer.IndexOfAnyExcept('0');
            if (inInteger >= 0)
            {
                return inInteger;
            }

            var inFraction = _fraction.IndexOfAnyExcept('0');
            return inFraction < 0 ? -1 : _integer.Length + inFraction;
        }

        public int LastNonZero()
        {
            var inFraction = _fraction.LastIndexOfAnyExcept('0');
            return inFraction >= 0 ? _integer.Length + inFraction : _integer.LastIndexOfAnyExcept('0');
        }
    }
}
