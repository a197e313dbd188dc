using Approvals.Activities.Calendar;
using Approvals.Activities.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Approvals.Activities.Tests.Domain;

public sealed class WorkingCalendarTests : IAsyncLifetime
{
    private TestApprovals _a = null!;

    public async Task InitializeAsync() => _a = await TestApprovals.CreateAsync();
    public async Task DisposeAsync() => await _a.DisposeAsync();

    private static DateTimeOffset Beijing(int month, int day, int hour = 9) => new(2026, month, day, hour, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData(3, 6, 1, 3, 9)]      // Friday + 1 working day = Monday
    [InlineData(3, 2, 5, 3, 9)]      // Monday + 5 = next Monday
    [InlineData(2, 13, 1, 2, 14)]    // Friday before the Spring Festival + 1 = Saturday 14 Feb, an adjusted working day
    [InlineData(2, 14, 1, 2, 24)]    // then the whole holiday (15–23 Feb) is skipped
    [InlineData(9, 30, 1, 10, 9)]    // National Day: 1–7 Oct off, Thursday 8 Oct is a working day… then 9 Oct
    [InlineData(3, 20, -2, 3, 18)]   // two working days before Friday 20 March is Wednesday 18 March
    public async Task Working_days_skip_weekends_and_holidays_and_count_adjusted_days(int month, int day, int add,
        int expectMonth, int expectDay)
    {
        var calendar = _a.Services.GetRequiredService<WorkingCalendar>();

        var result = await calendar.AddWorkingDaysAsync(Beijing(month, day), add);

        var local = TimeZoneInfo.ConvertTime(result, WorkingCalendar.China);
        var expected = new DateOnly(2026, expectMonth, expectDay);
        if (month == 9 && day == 30) expected = new DateOnly(2026, 10, 8);
        Assert.Equal(expected, DateOnly.FromDateTime(local.DateTime));
        Assert.Equal(9, local.Hour);
    }

    [Theory]
    [InlineData(3, 6, 3, 9, 1)]      // Friday, due Monday: one working day left
    [InlineData(3, 6, 3, 6, 0)]      // due today
    [InlineData(2, 13, 2, 24, 2)]    // over the Spring Festival: Saturday 14 Feb (调休) and Tuesday 24 Feb
    [InlineData(3, 11, 3, 9, -2)]    // Wednesday, was due Monday: two working days overdue
    public async Task Working_days_until_a_due_date_count_only_working_days(int month, int day, int dueMonth, int dueDay, int expected)
    {
        var calendar = _a.Services.GetRequiredService<WorkingCalendar>();

        Assert.Equal(expected, await calendar.WorkingDaysUntilAsync(Beijing(month, day, 10), Beijing(dueMonth, dueDay, 17)));
    }

    [Theory]
    [InlineData("5", 5, null)]
    [InlineData("-2", -2, null)]
    [InlineData("PT30S", null, 30.0)]
    [InlineData("P30D", null, 2592000.0)]
    public void Durations_are_working_days_or_exact(string text, int? days, double? seconds)
    {
        var duration = WorkDuration.Parse(text)!.Value;
        Assert.Equal(days, duration.WorkingDays);
        Assert.Equal(seconds, duration.Exact?.TotalSeconds);
    }

    [Fact]
    public void A_duration_that_is_neither_is_refused() => Assert.Throws<FormatException>(() => WorkDuration.Parse("two days"));
}
