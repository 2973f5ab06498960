using Veo.PowerShell.Hosting;

namespace Veo.PowerShell.Tests.Hosting;

public class ThrottledWorkTests
{
    [Fact]
    public void No_more_jobs_than_the_limit_run_at_once_and_every_outcome_comes_back()
    {
        var running = 0;
        var peak = 0;
        using var work = new ThrottledWork<int>(3);
        for (var i = 0; i < 12; i++)
        {
            var n = i;
            work.Start(n, async ct =>
            {
                var now = Interlocked.Increment(ref running);
                InterlockedMax(ref peak, now);
                await Task.Delay(20, ct);
                Interlocked.Decrement(ref running);
                return n == 5 ? throw new InvalidOperationException("job 5") : n * 10;
            }, CancellationToken.None);
        }

        var outcomes = work.All(TimeSpan.FromMilliseconds(10)).OfType<ThrottledWork<int>.Outcome>().ToList();

        Assert.Equal(3, peak);
        Assert.Equal(12, outcomes.Count);
        Assert.Equal("job 5", Assert.Single(outcomes, o => o.Error is not null).Error!.Message);
        Assert.Equal(Enumerable.Range(0, 12).Where(i => i != 5).Select(i => i * 10).OrderBy(x => x), outcomes.Where(o => o.Error is null).Select(o => o.Result).OrderBy(x => x));
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int current;
        while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
