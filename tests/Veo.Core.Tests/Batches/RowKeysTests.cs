using Veo.Core.Batches;
using Veo.Core.Requests;
using Veo.Core.Routes;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Batches;

/// <summary>A row is known by what it asks for: the same request is the same key, however its files are named.</summary>
public sealed class RowKeysTests : IDisposable
{
    private readonly TestHome _home = new();

    public void Dispose() => _home.Dispose();

    private static string KeyOf(VideoRequest request, VideoRoute? route = null) => RowKeys.Of(RequestValidator.Prepare(request, route ?? BuiltInRoutes.LaoZhang));

    private string CopyOf(string image, string name)
    {
        var path = _home.PathOf(name);
        File.Copy(image, path);
        return path;
    }

    [Fact]
    public void Identical_requests_have_one_key_and_a_64_hex_digit_one()
    {
        var key = KeyOf(new VideoRequest { Prompt = "A fox" });
        Assert.Equal(key, KeyOf(new VideoRequest { Prompt = "A fox" }));
        Assert.Matches("^[0-9a-f]{64}$", key);
    }

    [Fact]
    public void Every_parameter_and_the_route_change_the_key()
    {
        var plain = KeyOf(new VideoRequest { Prompt = "A fox" });
        Assert.NotEqual(plain, KeyOf(new VideoRequest { Prompt = "A fox." }));
        Assert.NotEqual(plain, KeyOf(new VideoRequest { Prompt = "A fox", AspectRatio = "9:16" }));
        Assert.NotEqual(plain, KeyOf(new VideoRequest { Prompt = "A fox", DurationSeconds = 6 }));
        Assert.NotEqual(plain, KeyOf(new VideoRequest { Prompt = "A fox", NegativePrompt = "snow" }));
        Assert.NotEqual(plain, KeyOf(new VideoRequest { Prompt = "A fox" }, BuiltInRoutes.Google));
    }

    [Fact]
    public void A_model_asked_by_alias_or_by_id_is_the_same_row()
    {
        Assert.Equal(KeyOf(new VideoRequest { Prompt = "A fox", Model = "Fast" }), KeyOf(new VideoRequest { Prompt = "A fox", Model = "veo-3.1-fast-generate-preview" }));
    }

    [Fact]
    public void Images_count_by_their_bytes_not_their_path()
    {
        var first = CopyOf(TestImages.Landscape720Png, "first.png");
        var renamed = CopyOf(TestImages.Landscape720Png, "moved-and-renamed.png");
        var other = CopyOf(TestImages.Landscape720Jpeg, "first.jpg");

        Assert.Equal(KeyOf(new VideoRequest { Prompt = "Slow push-in", Image = first }), KeyOf(new VideoRequest { Prompt = "Slow push-in", Image = renamed }));
        Assert.NotEqual(KeyOf(new VideoRequest { Prompt = "Slow push-in", Image = first }), KeyOf(new VideoRequest { Prompt = "Slow push-in", Image = other }));

        // An image edited in place is another row.
        var before = KeyOf(new VideoRequest { Prompt = "Slow push-in", Image = first });
        File.Copy(TestImages.Landscape720Jpeg, first, overwrite: true);
        Assert.NotEqual(before, KeyOf(new VideoRequest { Prompt = "Slow push-in", Image = first }));
    }
}
