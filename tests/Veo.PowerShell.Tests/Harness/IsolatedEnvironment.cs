namespace Veo.PowerShell.Tests.Harness;

/// <summary>
/// The environment variables Veo reads, set for one test and put back afterwards: its own VEO_HOME, and none of
/// the developer's keys or spending cap, so a test sees the same machine everywhere and never sends a real key.
/// </summary>
public sealed class IsolatedEnvironment : IDisposable
{
    private static readonly string[] VeoVariables =
    {
        "VEO_HOME", "VEO_MAX_COST", "VEO_API_KEY", "LAOZHANG_API_KEY", "CRAZYROUTER_API_KEY", "GEMINI_API_KEY",
        "GOOGLE_OAUTH_ACCESS_TOKEN", "GOOGLE_CLOUD_PROJECT", "GOOGLE_CLOUD_LOCATION",
    };

    private readonly Dictionary<string, string?> _before = VeoVariables.ToDictionary(v => v, Environment.GetEnvironmentVariable);

    public IsolatedEnvironment(string home)
    {
        foreach (var variable in VeoVariables) Environment.SetEnvironmentVariable(variable, null);
        Environment.SetEnvironmentVariable("VEO_HOME", home);
    }

    public void Dispose()
    {
        foreach (var (variable, value) in _before) Environment.SetEnvironmentVariable(variable, value);
    }
}
