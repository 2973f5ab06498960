namespace Veo.Core.Http;

/// <summary>An answer past the size any honest server of these APIs sends. An IOException: on a create it is ambiguous.</summary>
public sealed class AnswerTooLargeException : IOException
{
    public AnswerTooLargeException(string message) : base(message)
    {
    }
}
