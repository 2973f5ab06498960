namespace Veo.Emulator.Tests.Quotas;

/// <summary>The emulator's quota without any HTTP: a sliding minute of creates, and tasks running until they finish.</summary>
public class CreateQuotaTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.FromUnixTimeSeconds(1_780_000_000);

    [Fact]
    public void A_create_past_the_minutes_allowance_is_refused_until_the_oldest_is_a_minute_old()
    {
        var quota = new CreateQuota(requestsPerMinute: 2, maxRunning: null);
        var made = 0;
        DateTimeOffset Make() { made++; return Start; }

        Assert.Null(quota.TryCreate("k", Start, Make));
        Assert.Null(quota.TryCreate("k", Start.AddSeconds(10), Make));
        var refusal = quota.TryCreate("k", Start.AddSeconds(20), Make);

        Assert.Equal(new QuotaRefusal(QuotaLimit.RequestsPerMinute, 2, TimeSpan.FromSeconds(40)), refusal);
        Assert.Equal(2, made);
        Assert.NotNull(quota.TryCreate("k", Start.AddSeconds(59.9), Make));
        Assert.Null(quota.TryCreate("k", Start.AddSeconds(60), Make));
    }

    [Fact]
    public void A_task_runs_until_it_finishes_and_then_frees_its_place()
    {
        var quota = new CreateQuota(requestsPerMinute: null, maxRunning: 1);

        Assert.Null(quota.TryCreate("k", Start, () => Start.AddSeconds(6)));
        var refusal = quota.TryCreate("k", Start.AddSeconds(2), () => throw new InvalidOperationException("made past the quota"));

        Assert.Equal(new QuotaRefusal(QuotaLimit.Running, 1, TimeSpan.FromSeconds(4)), refusal);
        Assert.Null(quota.TryCreate("k", Start.AddSeconds(6), () => Start.AddSeconds(12)));
    }

    [Fact]
    public void Each_key_has_its_own_quota()
    {
        var quota = new CreateQuota(requestsPerMinute: 1, maxRunning: null);

        Assert.Null(quota.TryCreate("one", Start, () => Start));
        Assert.Null(quota.TryCreate("two", Start, () => Start));
        Assert.NotNull(quota.TryCreate("one", Start, () => Start));
    }

    [Fact]
    public void Creates_side_by_side_never_pass_the_running_limit_together()
    {
        var quota = new CreateQuota(requestsPerMinute: null, maxRunning: 3);

        var admitted = Enumerable.Range(0, 50).AsParallel().Count(_ => quota.TryCreate("k", Start, () => Start.AddMinutes(1)) is null);

        Assert.Equal(3, admitted);
    }
}
