using Veo.Core.Routes;
using Veo.Core.Tasks;

namespace Veo.Core.Tests.Hostile;

/// <summary>Prompts, costs and gateway addresses are the user's: on Unix, VEO_HOME is 0700 and its files 0600 from the start.</summary>
public sealed class PrivateFilesTests : IDisposable
{
    private readonly string _home = Path.Combine(Path.GetTempPath(), "veo-private-" + Guid.NewGuid().ToString("N"));

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public void A_new_journal_and_its_folder_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var journal = new TaskJournal(Path.Combine(_home, "journal.jsonl"));

        journal.Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = "task_1", Prompt = "private" });

        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_home));
        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(journal.Path));
    }

    [Fact]
    public void Registered_routes_are_readable_by_their_owner_only()
    {
        if (OperatingSystem.IsWindows()) return;
        var registry = new RouteRegistry(Path.Combine(_home, "routes.json"));

        registry.Register("Private", Dialect.UnifiedVideo, new Uri("https://gateway.example/"), "PRIVATE_KEY", null);

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(registry.SettingsPath));
        Assert.Equal(OwnerOnlyFolder, File.GetUnixFileMode(_home));
    }

    [Fact]
    public void A_journal_left_world_readable_by_an_older_version_is_tightened()
    {
        if (OperatingSystem.IsWindows()) return;
        Directory.CreateDirectory(_home);
        var path = Path.Combine(_home, "journal.jsonl");
        File.WriteAllText(path, "");
        File.SetUnixFileMode(path, OwnerOnlyFile | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        new TaskJournal(path).Append(new JournalEntry { At = DateTimeOffset.UtcNow, Event = JournalEntry.Created, Id = "task_1" });

        Assert.Equal(OwnerOnlyFile, File.GetUnixFileMode(path));
    }

    public void Dispose()
    {
        if (Directory.Exists(_home)) Directory.Delete(_home, recursive: true);
    }
}
