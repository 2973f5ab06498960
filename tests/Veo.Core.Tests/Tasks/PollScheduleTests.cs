using Veo.Core.Tasks;

namespace Veo.Core.Tests.Tasks;

/// <summary>When TaskWaiter polls one task: a jittered first poll within one interval, then a steady beat of one interval.</summary>
public class PollScheduleTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);
    private static readonly DateTimeOffset Added = new(2026, 11, 21, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.0, 5.0)]
    [InlineData(0.5, 4.5)]
    [InlineData(0.999999, 4.0)]
    public void A_new_task_is_first_polled_between_four_fifths_of_an_interval_and_one_interval_after_it_is_added(double jitter, double seconds)
    {
        var schedule = new PollSchedule(Interval, Added, isNew: true, jitter);

        Assert.Equal(seconds, (schedule.Due - Added).TotalSeconds, precision: 4);
    }

    [Fact]
    public void A_task_that_is_not_new_is_polled_at_once() =>
        Assert.Equal(Added, new PollSchedule(Interval, Added, isNew: false, jitter: 0.3).Due);

    [Fact]
    public void After_the_first_poll_the_beat_is_exactly_one_interval_however_long_each_poll_takes()
    {
        var schedule = new PollSchedule(Interval, Added, isNew: true, jitter: 0.5);
        var first = schedule.Due;
        var dues = new List<DateTimeOffset>();
        foreach (var pollTook in new[] { 0.002, 0.3, 1.5, 0.01, 4.9 })
            dues.Add(schedule.Next(schedule.Due + TimeSpan.FromSeconds(pollTook)));

        Assert.Equal(Enumerable.Range(1, 5).Select(k => first + Interval * k), dues);
    }

    [Fact]
    public void Polls_are_never_more_than_one_interval_apart_so_a_finished_task_is_seen_within_one_interval()
    {
        var random = new Random(7);
        for (var task = 0; task < 1000; task++)
        {
            var schedule = new PollSchedule(Interval, Added, isNew: true, random.NextDouble());
            var previous = Added;
            for (var poll = 0; poll < 20; poll++)
            {
                Assert.InRange(schedule.Due - previous, TimeSpan.Zero, Interval);
                previous = schedule.Due;
                schedule.Next(schedule.Due + TimeSpan.FromMilliseconds(random.Next(0, 4000)));
            }
        }
    }

    [Fact]
    public void A_poll_answered_after_the_next_beat_restarts_the_beat_one_interval_after_its_answer()
    {
        var schedule = new PollSchedule(Interval, Added, isNew: false, jitter: 0);
        var answeredAt = Added + TimeSpan.FromSeconds(7);

        Assert.Equal(answeredAt + Interval, schedule.Next(answeredAt));
        Assert.Equal(answeredAt + Interval * 2, schedule.Next(answeredAt + Interval + TimeSpan.FromMilliseconds(20)));
    }
}
