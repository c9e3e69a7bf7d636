using System.Globalization;

namespace Ckan.Ingest.Typing;

/// <summary>
/// What every non-empty value of one column could be, narrowed value by value over the whole file.
/// Empty and whitespace-only cells are nulls and do not count. The result is the narrowest type that
/// holds every value: bool; int4, then int8, then numeric (float8 when NaN or an infinity appears);
/// a date or timestamp when every value has one layout and that layout settles day against month;
/// text otherwise, including a column with no values.
/// </summary>
internal sealed class ColumnProfile
{
    private bool _maybeBool = true;
    private bool _maybeNumber = true;
    private NumberKind _widestNumber = NumberKind.Int4;
    private List<DateFormat>? _dateFormats = [.. DateFormat.All];

    /// <summary>The number of non-empty values seen.</summary>
    public long ValueCount { get; private set; }

    /// <summary>Narrows the candidate types by one cell.</summary>
    public void Add(ReadOnlySpan<char> cell)
    {
        var value = cell.Trim();
        if (value.IsEmpty)
        {
            return;
        }

        ValueCount++;
        _maybeBool &= IsBool(value);
        if (_maybeNumber)
        {
            AddNumber(value);
        }

        if (_dateFormats is { Count: > 0 })
        {
            NarrowDates(value);
        }
    }

    /// <summary>Returns the column's type from the values added so far.</summary>
    public ColumnType Decide()
    {
        if (ValueCount == 0)
        {
            return ColumnType.Text;
        }

        if (_maybeBool)
        {
            return new ColumnType(CkanTypes.Bool);
        }

        if (_maybeNumber)
        {
            return new ColumnType(_widestNumber switch
            {
                NumberKind.Int4 => CkanTypes.Int4,
                NumberKind.Int8 => CkanTypes.Int8,
                NumberKind.Numeric => CkanTypes.Numeric,
                _ => CkanTypes.Float8,
            });
        }

        return DecideDate() ?? ColumnType.Text;
    }

    /// <summary>Whether the trimmed text is <c>true</c> or <c>false</c> in any letter case.</summary>
    public static bool IsBool(ReadOnlySpan<char> value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase)
        || value.Equals("false", StringComparison.OrdinalIgnoreCase);

    private void AddNumber(ReadOnlySpan<char> value)
    {
        var kind = NumberClassifier.Classify(value);
        if (kind == NumberKind.None)
        {
            _maybeNumber = false;
            return;
        }

        if (kind > _widestNumber)
        {
            _widestNumber = kind;
        }
    }

    private void NarrowDates(ReadOnlySpan<char> value)
    {
        if (!char.IsAsciiDigit(value[0]))
        {
            _dateFormats = null;
            return;
        }

        var formats = _dateFormats!;
        for (var index = formats.Count - 1; index >= 0; index--)
        {
            if (!TryParse(value, formats[index], out _))
            {
                formats.RemoveAt(index);
            }
        }
    }

    // When both a day-first and a month-first layout still fit, every value had day and month of 12 or
    // less, so the data cannot tell them apart and the column stays text rather than risk a wrong guess.
    private ColumnType? DecideDate()
    {
        if (_dateFormats is not { Count: > 0 } formats)
        {
            return null;
        }

        var hasDayFirst = formats.Exists(format => format.Order == DateOrder.DayFirst);
        var hasMonthFirst = formats.Exists(format => format.Order == DateOrder.MonthFirst);
        if (hasDayFirst && hasMonthFirst)
        {
            return null;
        }

        var chosen = formats[0];
        return new ColumnType(chosen.IsTimestamp ? CkanTypes.Timestamp : CkanTypes.Date, chosen);
    }

    /// <summary>Parses a trimmed value in one layout.</summary>
    public static bool TryParse(ReadOnlySpan<char> value, DateFormat format, out DateTime parsed)
    {
        if (ReferenceEquals(format, DateFormat.IsoDate))
        {
            return TryParseIsoDate(value, out parsed);
        }

        return DateTime.TryParseExact(
            value, format.Pattern, CultureInfo.InvariantCulture, DateTimeStyles.None, out parsed);
    }

    // ISO dates are by far the most common layout, and reading the digits directly is several times
    // faster than the general parser; it accepts exactly what "yyyy-MM-dd" accepts.
    private static bool TryParseIsoDate(ReadOnlySpan<char> value, out DateTime parsed)
    {
        parsed = default;
        if (value.Length != 10 || value[4] != '-' || value[7] != '-'
            || !TryReadDigits(value[..4], out var year)
            || !TryReadDigits(value.Slice(5, 2), out var month)
            || !TryReadDigits(value.Slice(8, 2), out var day))
        {
            return false;
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        parsed = new DateTime(year, month, day);
        return true;
    }

    private static bool TryReadDigits(ReadOnlySpan<char> digits, out int number)
    {
        number = 0;
        foreach (var digit in digits)
        {
            if (!char.IsAsciiDigit(digit))
            {
                return false;
            }

            number = number * 10 + (digit - '0');
        }

        return true;
    }
}
