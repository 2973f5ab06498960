using Veo.Core.Requests;
using Veo.Core.Tests.Support;

namespace Veo.Core.Tests.Requests;

/// <summary>Requests the service would refuse or silently downgrade, each with the words its message must contain.</summary>
public static class BadRequests
{
    public static readonly VideoRequest Valid = new() { Prompt = "A lighthouse at dusk, waves on the rocks", Model = "Fast" };

    private static readonly (string Name, Func<VideoRequest, VideoRequest> Change, string Expected)[] Cases =
    {
        ("empty prompt", r => r with { Prompt = "" }, "prompt is empty"),
        ("blank prompt", r => r with { Prompt = "   \t" }, "prompt is empty"),
        ("megabyte prompt", r => r with { Prompt = new string('a', 1_000_000) }, "Veo sends at most 20,000"),
        ("NUL in the prompt", r => r with { Prompt = "A fox\0 in the snow" }, "control character (U+0000 at position 6)"),
        ("terminal escape in the prompt", r => r with { Prompt = "A fox \u001b[31min red" }, "control character (U+001B"),
        ("escape in the negative prompt", r => r with { NegativePrompt = "blur\u001b[0m" }, "negative prompt holds a control character"),
        ("a folder as the image", r => r with { Image = Path.GetTempPath() }, "is a folder; give one image file in it"),
        ("unknown model", r => r with { Model = "veo-2" }, "Model 'veo-2' is not offered"),
        ("legacy fl model", r => r with { Model = "veo-3.1-fl" }, "Use one of: Fast, Standard"),
        ("duration 5", r => r with { DurationSeconds = 5 }, "use -Duration 4, 6 or 8"),
        ("duration 0", r => r with { DurationSeconds = 0 }, "use -Duration 4, 6 or 8"),
        ("duration 10", r => r with { DurationSeconds = 10 }, "10-second video is not possible"),
        ("duration negative", r => r with { DurationSeconds = -8 }, "use -Duration"),
        ("resolution 2k", r => r with { Resolution = "2k" }, "Resolution '2k' is not supported"),
        ("resolution 480p", r => r with { Resolution = "480p" }, "use -Resolution 720p, 1080p or 4k"),
        ("resolution as size", r => r with { Resolution = "1920x1080" }, "is not supported"),
        ("aspect 4:3", r => r with { AspectRatio = "4:3" }, "Aspect ratio '4:3' is not supported"),
        ("aspect 1:1", r => r with { AspectRatio = "1:1" }, "use -AspectRatio 16:9 or 9:16"),
        ("1080p at 4 s", r => r with { Resolution = "1080p", DurationSeconds = 4 }, "1080p is only made as an 8-second video"),
        ("1080p at 6 s", r => r with { Resolution = "1080p", DurationSeconds = 6 }, "pass -Duration 8"),
        ("4k at 4 s", r => r with { Resolution = "4k", DurationSeconds = 4 }, "4k is only made as an 8-second video"),
        ("4K at 6 s portrait", r => r with { Resolution = "4K", DurationSeconds = 6, AspectRatio = "9:16" }, "4k is only made as an 8-second video"),
        ("last frame alone", r => r with { LastFrame = TestImages.Landscape720Png }, "A last frame needs a first frame"),
        ("four reference images", r => r with { ReferenceImages = Enumerable.Repeat(TestImages.Landscape720Png, 4).ToArray() }, "At most 3 reference images"),
        ("references with first frame", r => r with { Image = TestImages.Landscape720Png, ReferenceImages = new[] { TestImages.Landscape720Png } }, "cannot be combined with -Image"),
        ("references with last frame", r => r with { Image = TestImages.Landscape720Png, LastFrame = TestImages.Landscape720Png, ReferenceImages = new[] { TestImages.Landscape720Png } }, "cannot be combined"),
        ("negative prompt with first/last frame", r => r with { Image = TestImages.Landscape720Png, LastFrame = TestImages.Landscape720Jpeg, NegativePrompt = "blurry" }, "not accepted with first/last-frame"),
        ("negative prompt with references", r => r with { ReferenceImages = new[] { TestImages.Landscape720Png }, NegativePrompt = "blurry" }, "not accepted with reference images"),
        ("silence requested", r => r with { GenerateAudio = false }, "always generates audio"),
        ("negative seed", r => r with { Seed = -1 }, "seed must be a whole number from 0"),
        ("seed past uint32", r => r with { Seed = 5_000_000_000 }, "seed must be a whole number"),
        ("missing image", r => r with { Image = "/no/such/frame.png" }, "does not exist"),
        ("missing last frame", r => r with { Image = TestImages.Landscape720Png, LastFrame = "/no/such/last.png" }, "given to -LastFrame does not exist"),
        ("missing reference image", r => r with { ReferenceImages = new[] { "/no/such/ref.png" } }, "given to -ReferenceImage does not exist"),
        ("empty image", r => r with { Image = TestImages.Empty }, "is empty"),
        ("text file named .png", r => r with { Image = TestImages.NotAnImage }, "is not a JPEG, PNG or WebP image"),
        ("gif image", r => r with { Image = TestImages.Gif }, "judged by its content"),
        ("gif as reference image", r => r with { ReferenceImages = new[] { TestImages.Landscape720Png, TestImages.Gif } }, "is not a JPEG, PNG or WebP"),
        ("gif as last frame", r => r with { Image = TestImages.Landscape720Png, LastFrame = TestImages.Gif }, "given to -LastFrame is not a JPEG"),
    };

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var c in Cases) data.Add(c.Name);
        return data;
    }

    public static (VideoRequest Request, string Expected) Case(string name)
    {
        var c = Cases.Single(x => x.Name == name);
        return (c.Change(Valid), c.Expected);
    }

    public static int Count => Cases.Length;
}
