using System.Net;
using Veo.Core.Http;
using Veo.Core.Tasks;

namespace Veo.Core.Tests.Tasks;

/// <summary>How long a failed download waits before it starts again (Save-VeoVideo), with the policy users get.</summary>
public class DownloadRetryWaitTests
{
    private static readonly HttpPolicy Policy = HttpPolicy.Default;

    private static ApiException Refused(int status, TimeSpan? retryAfter = null) =>
        new("LaoZhang", (HttpStatusCode)status, null, "busy", null, retryAfter);

    private static TimeSpan? Wait(Exception e, int attempt, double jitter, TimeSpan waited = default) =>
        VideoSaver.RetryWait(e, attempt, waited, Policy, jitter);

    [Theory]
    [InlineData(503)]
    [InlineData(500)]
    [InlineData(429)]
    public void A_refusal_without_a_wait_from_the_service_first_waits_under_half_a_second(int status)
    {
        // It was 2 s × the try (2, 4, 6 s) while the faulty batch's saves waited out its tail.
        Assert.True(Wait(Refused(status), 1, 0.999) < TimeSpan.FromSeconds(0.5));
        Assert.Equal(TimeSpan.FromSeconds(0.25), Wait(Refused(status), 1, 0.5));
    }

    [Fact]
    public void The_window_doubles_per_try_and_the_wait_is_drawn_from_all_of_it()
    {
        Assert.Equal(TimeSpan.Zero, Wait(Refused(503), 2, 0));
        Assert.Equal(TimeSpan.FromSeconds(0.5), Wait(Refused(503), 2, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(2), Wait(Refused(503), 4, 0.5));
        Assert.Equal(Policy.RefusedRetryLongest / 2, Wait(Refused(503), 40, 0.5));
    }

    [Fact]
    public void A_Retry_After_is_waited_as_asked_but_not_one_longer_than_the_policy_waits_out()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), Wait(Refused(429, TimeSpan.FromSeconds(7)), 1, 0.1));
        Assert.Equal(TimeSpan.FromSeconds(7), Wait(Refused(503, TimeSpan.FromSeconds(7)), 3, 0.9));
        Assert.Null(Wait(Refused(429, Policy.MaxRetryAfter + TimeSpan.FromSeconds(1)), 1, 0.5));
    }

    [Fact]
    public void No_wait_goes_past_the_deadline()
    {
        Assert.Null(Wait(Refused(429, TimeSpan.FromSeconds(30)), 2, 0.5, waited: Policy.Deadline - TimeSpan.FromSeconds(10)));
        Assert.Null(Wait(Refused(503), 40, 0.9, waited: Policy.Deadline - TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public void A_body_broken_in_transit_waits_a_quarter_second_times_the_try()
    {
        Assert.Equal(TimeSpan.FromSeconds(0.25), Wait(new IOException("The response ended prematurely."), 1, 0.9));
        Assert.Equal(TimeSpan.FromSeconds(0.75), Wait(new HttpRequestException("reset"), 3, 0.1));
    }
}
