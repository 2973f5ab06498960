namespace Veo.Core.Tests.Support;

/// <summary>
/// Sets process environment variables for one test and puts the old values back. The variables are the process's, so
/// the tests that set them share one collection and never run at the same time.
/// </summary>
public sealed class EnvironmentVariables : IDisposable
{
    public const string Collection = "environment variables";

    private readonly (string Name, string? Value)[] _before;

    public EnvironmentVariables(params (string Name, string? Value)[] values)
    {
        _before = values.Select(v => (v.Name, Environment.GetEnvironmentVariable(v.Name))).ToArray();
        foreach (var (name, value) in values) Environment.SetEnvironmentVariable(name, value);
    }

    public void Dispose()
    {
        foreach (var (name, value) in _before) Environment.SetEnvironmentVariable(name, value);
    }
}

[CollectionDefinition(EnvironmentVariables.Collection, DisableParallelization = true)]
public sealed class EnvironmentVariablesCollection
{
}
