namespace Veo.Emulator.Tests;

/// <summary>The MP4 files the emulator embeds, read the same way, to compare against what it served.</summary>
public static class Fixtures
{
    public static byte[] Bytes(string name)
    {
        using var stream = typeof(VeoEmulator).Assembly.GetManifestResourceStream($"Veo.Emulator.Fixtures.{name}.mp4")
                           ?? throw new InvalidOperationException($"No fixture {name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>The video the emulator serves for a request of this fixture's shape and <paramref name="seconds"/>: the fixture made that long.</summary>
    public static byte[] Served(string name, int seconds = 8) => RenderedVideo.Render(Bytes(name), seconds);
}
