using System.Net;
using Veo.Core.Http;
using Veo.Core.Quotas;

namespace Veo.Core.Tests.Quotas;

/// <summary>The rule for a 429 on a create: wait as the service says (or back off), until the deadline.</summary>
public class CreateRefusalsTests
{
    private static readonly HttpPolicy Policy = new() { FirstRetryDelay = TimeSpan.FromSeconds(2), Deadline = TimeSpan.FromMinutes(10) };

    private static ApiException TooMany(TimeSpan? retryAfter = null) =>
        new("Test", (HttpStatusCode)429, "RESOURCE_EXHAUSTED", "You exceeded your current quota", null, retryAfter);

    [Fact]
    public void The_wait_is_what_the_service_asked()
    {
        Assert.Equal(TimeSpan.FromSeconds(7), CreateRefusals.WaitAfter(TooMany(TimeSpan.FromSeconds(7)), 1, TimeSpan.Zero, Policy, 0.5));
    }

    [Fact]
    public void Without_a_wait_from_the_service_it_backs_off_doubling_with_jitter_up_to_a_minute()
    {
        Assert.Equal(TimeSpan.FromSeconds(2), CreateRefusals.WaitAfter(TooMany(), 1, TimeSpan.Zero, Policy, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(8), CreateRefusals.WaitAfter(TooMany(), 3, TimeSpan.Zero, Policy, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(1.5), CreateRefusals.WaitAfter(TooMany(), 1, TimeSpan.Zero, Policy, 0));
        Assert.Equal(CreateRefusals.LongestBackoff, CreateRefusals.WaitAfter(TooMany(), 30, TimeSpan.Zero, Policy, 0.5));
    }

    [Fact]
    public void A_wait_that_would_pass_the_deadline_gives_up_so_the_row_fails_with_the_services_429()
    {
        Assert.Null(CreateRefusals.WaitAfter(TooMany(TimeSpan.FromMinutes(3)), 4, TimeSpan.FromMinutes(8), Policy, 0.5));
        Assert.Equal(TimeSpan.FromMinutes(3), CreateRefusals.WaitAfter(TooMany(TimeSpan.FromMinutes(3)), 1, TimeSpan.Zero, Policy, 0.5));
    }

    [Fact]
    public void Only_a_429_is_a_refusal_that_is_sent_again()
    {
        Assert.True(CreateRefusals.IsRateLimited(TooMany()));
        Assert.False(CreateRefusals.IsRateLimited(new ApiException("Test", HttpStatusCode.ServiceUnavailable, null, "busy", null, TimeSpan.FromSeconds(1))));
        Assert.False(CreateRefusals.IsRateLimited(new ApiException("Test", HttpStatusCode.BadRequest, null, "bad", null)));
    }
}
