namespace Veo.Emulator;

internal enum Orientation { Landscape, Portrait }

/// <summary>P360 is Gemini Omni's draft size, served from the 720p fixture (<see cref="DraftVideo"/>).</summary>
internal enum VideoResolution { P720, P1080, K4, P360 }

/// <summary>What a task renders: the committed one-second MP4 of its shape and resolution, made <see cref="Seconds"/> long.</summary>
internal sealed record VideoFixture(Orientation Orientation, VideoResolution Resolution)
{
    /// <summary>How long the served video is (<see cref="RenderedVideo"/>): what the request asked, or source plus extension.</summary>
    public int Seconds { get; init; } = VeoRules.DefaultSeconds;

    public static readonly VideoFixture Default = new(Orientation.Landscape, VideoResolution.P720);

    public static IEnumerable<VideoFixture> All =>
        from orientation in (Orientation[])Enum.GetValues(typeof(Orientation))
        from resolution in (VideoResolution[])Enum.GetValues(typeof(VideoResolution))
        select new VideoFixture(orientation, resolution);

    public string ResourceName =>
        $"Veo.Emulator.Fixtures.{Orientation.ToString().ToLowerInvariant()}-{Resolution switch
        {
            VideoResolution.P720 or VideoResolution.P360 => "720p",
            VideoResolution.P1080 => "1080p",
            _ => "4k",
        }}.mp4";

    /// <summary>Without its sound track (Vertex AI's generateAudio: false); the committed files all have one.</summary>
    public bool Silent { get; init; }

    public Stream Open() => Silent ? new MemoryStream(SilentVideo.Of(this), writable: false) : OpenWithSound();

    /// <summary>The committed one-second file this video is made from.</summary>
    public Stream OpenWithSound()
    {
        var stream = typeof(VideoFixture).Assembly.GetManifestResourceStream(ResourceName)
                     ?? throw new InvalidOperationException($"The fixture {ResourceName} is not embedded.");
        if (Resolution != VideoResolution.P360) return stream;
        using (stream)
        using (var copy = new MemoryStream())
        {
            stream.CopyTo(copy);
            return new MemoryStream(DraftVideo.Of(copy.ToArray(), Orientation), writable: false);
        }
    }
}
