using Veo.Core.Http;
using System.Net;
using System.Text;
using Veo.Core.Pricing;

namespace Veo.Core.Tests.Pricing;

public class LiveCatalogFetchTests
{
    private const string Catalog =
        """{"success":true,"data":[{"model_name":"veo-3.1","quota_type":1,"model_price":0.2,"billing_mode":"per_second"}]}""";

    [Theory]
    [InlineData("https://cn.crazyrouter.example/")]
    [InlineData("https://cn.crazyrouter.example")]
    public async Task Fetching_gets_api_pricing_under_the_base_address_without_credentials(string baseUri)
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Catalog);
        using var http = new HttpClient(handler);

        var rows = await LiveCatalog.FetchAsync(http, new Uri(baseUri), HttpPolicy.Default, CancellationToken.None);

        Assert.Equal(HttpMethod.Get, handler.Request!.Method);
        Assert.Equal(new Uri("https://cn.crazyrouter.example/api/pricing"), handler.Request.RequestUri);
        Assert.Null(handler.Request.Headers.Authorization);
        Assert.Equal("veo-3.1", Assert.Single(rows).ModelName);
    }

    [Fact]
    public async Task A_gateway_under_a_path_is_asked_below_that_path()
    {
        var handler = new RecordingHandler(HttpStatusCode.OK, Catalog);
        using var http = new HttpClient(handler);

        await LiveCatalog.FetchAsync(http, new Uri("https://gw.example/relay"), HttpPolicy.Default, CancellationToken.None);

        Assert.Equal(new Uri("https://gw.example/relay/api/pricing"), handler.Request!.RequestUri);
    }

    [Fact]
    public async Task A_failed_request_reports_the_status_and_what_the_server_said()
    {
        using var http = new HttpClient(new RecordingHandler(HttpStatusCode.ServiceUnavailable, "upstream maintenance"));

        var error = await Assert.ThrowsAsync<PricingCatalogException>(() =>
            LiveCatalog.FetchAsync(http, new Uri("https://gw.example/"), HttpPolicy.Default, CancellationToken.None));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, error.StatusCode);
        Assert.Contains("503", error.Message);
        Assert.Contains("upstream maintenance", error.Message);
    }

    private sealed class RecordingHandler(HttpStatusCode status, string body) : HttpMessageHandler
    {
        public HttpRequestMessage? Request { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            Request = request;
            return Task.FromResult(new HttpResponseMessage(status)
            {
                Content = new StringContent(body, Encoding.UTF8, "application/json"),
            });
        }
    }
}
