namespace Veo.Core.Tests.Media;

/// <summary>Files the test project copies next to its assembly (see Veo.Core.Tests.csproj).</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static string Image(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", "images", name);
}
