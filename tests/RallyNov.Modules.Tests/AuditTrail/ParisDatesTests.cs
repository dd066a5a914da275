using RallyNov.AuditTrail.Admin;

namespace RallyNov.Modules.Tests.AuditTrail;

public sealed class ParisDatesTests
{
    [Theory]
    [InlineData("2026-07-01", 0, "2026-06-30T22:00:00")] // summer time, UTC+2
    [InlineData("2026-01-15", 0, "2026-01-14T23:00:00")] // winter time, UTC+1
    [InlineData("2026-03-28", 1, "2026-03-28T23:00:00")] // the day before the change to summer time
    public void A_day_starts_at_midnight_in_Paris(string date, int addDays, string expectedUtc)
    {
        var utc = ParisDates.StartOfDayUtc(date, addDays);
        Assert.Equal(DateTime.Parse(expectedUtc, System.Globalization.CultureInfo.InvariantCulture), utc);
        Assert.Equal(DateTimeKind.Utc, utc!.Value.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("15/01/2026")]
    [InlineData("demain")]
    public void A_missing_or_malformed_date_means_no_bound(string? date) => Assert.Null(ParisDates.StartOfDayUtc(date));
}
