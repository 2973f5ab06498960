namespace Veo.Core.Tasks;

/// <summary>Where the engine tells what it is doing; cmdlets map it to Verbose/Debug/Warning streams.</summary>
public interface IEngineLog
{
    void Verbose(string message);
    void Debug(string message);
    void Warning(string message);
}

public sealed class NullEngineLog : IEngineLog
{
    public static readonly NullEngineLog Instance = new();
    public void Verbose(string message) { }
    public void Debug(string message) { }
    public void Warning(string message) { }
}
