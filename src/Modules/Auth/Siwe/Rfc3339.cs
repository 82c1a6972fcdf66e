using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace NftMarketplace.Modules.Auth.Siwe;

/// <summary>
/// Strict RFC 3339 <c>date-time</c>: <c>YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)</c>, with the calendar
/// checks of its section 5.7 (no February 31st, leap seconds only where they can occur).
/// </summary>
/// <remarks>
/// <see cref="DateTimeOffset.TryParseExact(string, string, IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>
/// is not enough: it cannot express "one or more fraction digits", rejects offsets beyond ±14:00 and
/// has no leap seconds, all of which RFC 3339 allows.
/// </remarks>
internal static class Rfc3339
{
    internal const string Expected = "expected an RFC 3339 date-time such as 2021-09-30T16:25:24Z or 2021-09-30T16:25:24.000+02:00";

    // DateTimeOffset keeps its offset only within ±14:00; beyond that the instant is kept in UTC.
    private static readonly TimeSpan MaxDateTimeOffset = TimeSpan.FromHours(14);

    /// <param name="reason">Why the text was rejected, for the error message.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out DateTimeOffset value, [NotNullWhen(false)] out string? reason)
    {
        value = default;
        reason = Expected;
        if (!TryReadLayout(text, out var parts))
        {
            return false;
        }

        if (parts.Year == 0)
        {
            reason = "year 0000 is outside the supported range 0001-9999";
            return false;
        }

        if (parts.Month is < 1 or > 12)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"month {parts.Month:00} does not exist");
            return false;
        }

        var daysInMonth = DateTime.DaysInMonth(parts.Year, parts.Month);
        if (parts.Day < 1 || parts.Day > daysInMonth)
        {
            reason = string.Create(CultureInfo.InvariantCulture, $"{parts.Year:0000}-{parts.Month:00} has no day {parts.Day:00}");
            return false;
        }

        if (parts.Hour > 23 || parts.Minute > 59 || parts.Second > 60 || parts.OffsetHours > 23 || parts.OffsetMinutes > 59)
        {
            reason = "the time of day or the UTC offset is out of range";
            return false;
        }

        var offsetMagnitude = new TimeSpan(parts.OffsetHours, parts.OffsetMinutes, 0);
        var offset = parts.OffsetNegative ? -offsetMagnitude : offsetMagnitude;
        var leapSecond = parts.Second == 60;
        var localTicks = new DateTime(parts.Year, parts.Month, parts.Day).Ticks
            + new TimeSpan(parts.Hour, parts.Minute, leapSecond ? 59 : parts.Second).Ticks
            + parts.FractionTicks;
        var utcTicks = localTicks - offset.Ticks;
        if (leapSecond)
        {
            // Leap seconds are inserted as 23:59:60 UTC at the end of a month; anywhere else the time cannot exist.
            var utcMinute = new DateTime(Math.Clamp(utcTicks, 0, DateTime.MaxValue.Ticks), DateTimeKind.Utc);
            if (utcMinute is not { Hour: 23, Minute: 59 } || utcMinute.Day != DateTime.DaysInMonth(utcMinute.Year, utcMinute.Month))
            {
                reason = "second 60 is a leap second, which only occurs at 23:59:60 UTC on the last day of a month";
                return false;
            }

            // DateTimeOffset has no 61st second; the instant right after it is the closest it can hold.
            localTicks += TimeSpan.TicksPerSecond;
            utcTicks += TimeSpan.TicksPerSecond;
        }

        if (utcTicks < 0 || utcTicks > DateTime.MaxValue.Ticks || localTicks > DateTime.MaxValue.Ticks)
        {
            reason = "the instant is outside the supported range of years 0001-9999";
            return false;
        }

        value = offset.Duration() <= MaxDateTimeOffset
            ? new DateTimeOffset(localTicks, offset)
            : new DateTimeOffset(utcTicks, TimeSpan.Zero);
        reason = null;
        return true;
    }

    /// <summary>Checks the fixed layout and reads the numbers; ranges are checked by the caller.</summary>
    private static bool TryReadLayout(ReadOnlySpan<char> text, out DateTimeParts parts)
    {
        parts = default;
        // "YYYY-MM-DDTHH:MM:SS" is 19 characters; at least "Z" follows.
        if (text.Length < 20
            || !TryDigits(text, 0, 4, out var year) || text[4] != '-'
            || !TryDigits(text, 5, 2, out var month) || text[7] != '-'
            || !TryDigits(text, 8, 2, out var day) || text[10] is not ('T' or 't')
            || !TryDigits(text, 11, 2, out var hour) || text[13] != ':'
            || !TryDigits(text, 14, 2, out var minute) || text[16] != ':'
            || !TryDigits(text, 17, 2, out var second))
        {
            return false;
        }

        var position = 19;
        long fractionTicks = 0;
        if (text[position] == '.')
        {
            var digits = text[(position + 1)..];
            var count = digits.IndexOfAnyExceptInRange('0', '9');
            count = count < 0 ? digits.Length : count;
            if (count == 0)
            {
                return false;
            }

            // Ticks are 100 ns: seven digits; further digits are below what DateTimeOffset can hold.
            for (var i = 0; i < 7; i++)
            {
                fractionTicks = (fractionTicks * 10) + (i < count ? digits[i] - '0' : 0);
            }

            position += 1 + count;
        }

        var zone = text[position..];
        var (offsetNegative, offsetHours, offsetMinutes) = (false, 0, 0);
        if (zone is not ("Z" or "z"))
        {
            if (zone.Length != 6 || zone[0] is not ('+' or '-') || zone[3] != ':'
                || !TryDigits(zone, 1, 2, out offsetHours) || !TryDigits(zone, 4, 2, out offsetMinutes))
            {
                return false;
            }

            offsetNegative = zone[0] == '-';
        }

        parts = new DateTimeParts(year, month, day, hour, minute, second, fractionTicks, offsetNegative, offsetHours, offsetMinutes);
        return true;
    }

    private static bool TryDigits(ReadOnlySpan<char> text, int start, int length, out int value)
    {
        value = 0;
        foreach (var c in text.Slice(start, length))
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            value = (value * 10) + (c - '0');
        }

        return true;
    }

    private readonly record struct DateTimeParts(
        int Year,
        int Month,
        int Day,
        int Hour,
        int Minute,
        int Second,
        long FractionTicks,
        bool OffsetNegative,
        int OffsetHours,
        int OffsetMinutes);
}
