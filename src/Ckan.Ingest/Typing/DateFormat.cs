namespace Ckan.Ingest.Typing;

/// <summary>
/// A date or timestamp layout tried on a whole column, with the order of day and month when it has
/// both as numbers.
/// </summary>
internal sealed record DateFormat(string Pattern, bool IsTimestamp, DateOrder Order)
{
    /// <summary>The ISO 8601 date layout, which has a fast parser of its own.</summary>
    public static DateFormat IsoDate { get; } = new("yyyy-MM-dd", false, DateOrder.YearFirst);

    /// <summary>The layouts tried, as .NET custom format strings; <c>d</c> and <c>M</c> take 1 or 2 digits.</summary>
    public static IReadOnlyList<DateFormat> All { get; } =
    [
        IsoDate,
        new("yyyy/MM/dd", false, DateOrder.YearFirst),
        new("d/M/yyyy", false, DateOrder.DayFirst),
        new("M/d/yyyy", false, DateOrder.MonthFirst),
        new("d.M.yyyy", false, DateOrder.DayFirst),
        new("d-M-yyyy", false, DateOrder.DayFirst),
        new("M-d-yyyy", false, DateOrder.MonthFirst),
        new("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", true, DateOrder.YearFirst),
        new("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", true, DateOrder.YearFirst),
        new("yyyy-MM-dd HH:mm:ss.FFFFFFF", true, DateOrder.YearFirst),
        new("yyyy-MM-dd'T'HH:mm", true, DateOrder.YearFirst),
        new("yyyy-MM-dd HH:mm", true, DateOrder.YearFirst),
        new("d/M/yyyy H:mm:ss", true, DateOrder.DayFirst),
        new("M/d/yyyy H:mm:ss", true, DateOrder.MonthFirst),
        new("d/M/yyyy H:mm", true, DateOrder.DayFirst),
        new("M/d/yyyy H:mm", true, DateOrder.MonthFirst),
    ];
}

/// <summary>Where the day stands relative to the month in a date layout.</summary>
internal enum DateOrder
{
    YearFirst,
    DayFirst,
    MonthFirst,
}
