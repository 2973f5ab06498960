using System.Net;
using Veo.Core.Http;
using Veo.Core.Quotas;
using Veo.Core.Routes;

namespace Veo.Core.Tests.Quotas;

/// <summary>What an error answer to a create proves, per dialect, and how long to wait before sending it again.</summary>
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
    public void Without_a_wait_from_the_service_the_first_wait_is_under_half_a_second_whatever_the_first_retry_delay_of_reads()
    {
        // A refusal that proved nothing was made says nothing of a long outage: 2 s then 4 s before the third try was
        // most of a faulty batch's creates (docs/guide/Performance.md, "A batch run again").
        Assert.Equal(TimeSpan.FromSeconds(0.25), CreateRefusals.WaitAfter(TooMany(), 1, TimeSpan.Zero, Policy, 0.5));
        Assert.True(CreateRefusals.WaitAfter(TooMany(), 1, TimeSpan.Zero, Policy, 0.999) < TimeSpan.FromSeconds(0.5));
        Assert.True(CreateRefusals.WaitAfter(TooMany(), 2, TimeSpan.Zero, Policy, 0.999) < TimeSpan.FromSeconds(1));
    }

    [Fact]
    public void The_window_doubles_per_refusal_in_a_row_and_the_wait_is_drawn_from_all_of_it_up_to_a_minute()
    {
        // Full jitter: a draw of 0 is no wait, a draw near 1 the whole window (0.5 s × 2^(n-1), at most a minute).
        Assert.Equal(TimeSpan.Zero, CreateRefusals.WaitAfter(TooMany(), 3, TimeSpan.Zero, Policy, 0));
        Assert.Equal(TimeSpan.FromSeconds(1), CreateRefusals.WaitAfter(TooMany(), 3, TimeSpan.Zero, Policy, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(4), CreateRefusals.WaitAfter(TooMany(), 5, TimeSpan.Zero, Policy, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(30), CreateRefusals.WaitAfter(TooMany(), 30, TimeSpan.Zero, Policy, 0.5));
        Assert.Equal(TimeSpan.FromSeconds(30), CreateRefusals.WaitAfter(TooMany(), int.MaxValue, TimeSpan.Zero, Policy, 0.5));
    }

    [Fact]
    public void A_wait_that_would_pass_the_deadline_gives_up_so_the_row_fails_with_the_services_429()
    {
        Assert.Null(CreateRefusals.WaitAfter(TooMany(TimeSpan.FromMinutes(3)), 4, TimeSpan.FromMinutes(8), Policy, 0.5));
        Assert.Equal(TimeSpan.FromMinutes(3), CreateRefusals.WaitAfter(TooMany(TimeSpan.FromMinutes(3)), 1, TimeSpan.Zero, Policy, 0.5));
        // The back-off too: 30 s more after 9 min 45 s of waiting passes the 10 minutes.
        Assert.Null(CreateRefusals.WaitAfter(TooMany(), 30, TimeSpan.FromMinutes(9.75), Policy, 0.5));
    }

    private const string NewApiTaskError = "{\"code\":\"do_request_failed\",\"message\":\"upstream timeout\",\"data\":null}";
    private const string NewApiOpenAIError = "{\"error\":{\"message\":\"no available channel\",\"type\":\"new_api_error\",\"code\":\"\"}}";
    private const string GoogleInternal = "{\"error\":{\"code\":500,\"message\":\"Internal error encountered.\",\"status\":\"INTERNAL\"}}";
    private const string GoogleDeadline = "{\"error\":{\"code\":504,\"message\":\"Deadline exceeded.\",\"status\":\"DEADLINE_EXCEEDED\"}}";
    private const string ProxyPage = "<html><body><h1>502 Bad Gateway</h1></body></html>";

    [Theory]
    // Every dialect: 429 and 503 made nothing and ask to come back.
    [InlineData(Dialect.OpenAIVideos, 429, NewApiOpenAIError, CreateAnswer.SendAgain)]
    [InlineData(Dialect.Gemini, 429, "", CreateAnswer.SendAgain)]
    [InlineData(Dialect.UnifiedVideo, 503, "", CreateAnswer.SendAgain)]
    [InlineData(Dialect.Vertex, 503, "{\"error\":{\"code\":503,\"message\":\"busy\",\"status\":\"UNAVAILABLE\"}}", CreateAnswer.SendAgain)]
    // new-api: its own envelope on a 5xx is the gateway's answer after it refunded and recorded no task.
    [InlineData(Dialect.OpenAIVideos, 500, NewApiTaskError, CreateAnswer.SendAgain)]
    [InlineData(Dialect.UnifiedVideo, 502, NewApiOpenAIError, CreateAnswer.SendAgain)]
    [InlineData(Dialect.OpenAIVideos, 500, "", CreateAnswer.MayHaveMade)]
    [InlineData(Dialect.OpenAIVideos, 502, ProxyPage, CreateAnswer.MayHaveMade)]
    [InlineData(Dialect.UnifiedVideo, 504, "upstream timed out", CreateAnswer.MayHaveMade)]
    [InlineData(Dialect.OpenAIVideos, 400, NewApiOpenAIError, CreateAnswer.Refused)]
    // Google: INTERNAL may have taken effect (AIP-194 retries it only for idempotent calls), DEADLINE_EXCEEDED may have
    // completed, and so may a bare 5xx: none proves nothing was made. The Interactions API is Google's too.
    [InlineData(Dialect.Gemini, 500, GoogleInternal, CreateAnswer.MayHaveMade)]
    [InlineData(Dialect.Interactions, 500, GoogleInternal, CreateAnswer.MayHaveMade)]
    [InlineData(Dialect.Interactions, 503, "{\"error\":{\"code\":503,\"message\":\"busy\",\"status\":\"UNAVAILABLE\"}}", CreateAnswer.SendAgain)]
    [InlineData(Dialect.Interactions, 400, "{\"error\":{\"code\":400,\"message\":\"bad\",\"status\":\"INVALID_ARGUMENT\"}}", CreateAnswer.Refused)]
    [InlineData(Dialect.Vertex, 504, GoogleDeadline, CreateAnswer.MayHaveMade)]
    [InlineData(Dialect.Gemini, 500, "", CreateAnswer.MayHaveMade)]
    [InlineData(Dialect.Vertex, 502, ProxyPage, CreateAnswer.MayHaveMade)]
    // A Google-shaped body on a gateway is not the gateway's own answer, nor the reverse.
    [InlineData(Dialect.Gemini, 500, NewApiTaskError, CreateAnswer.MayHaveMade)]
    [InlineData(Dialect.Gemini, 400, GoogleInternal, CreateAnswer.Refused)]
    public void What_an_error_answer_to_a_create_proves_is_read_per_dialect(Dialect dialect, int status, string body, CreateAnswer expected) =>
        Assert.Equal(expected, CreateRefusals.Read(dialect, (HttpStatusCode)status, body));
}
