using System.Text;

namespace Veo.Core.Http;

/// <summary>
/// Reads a JSON answer that carries whole videos as base64 strings (Vertex AI's videos[].bytesBase64Encoded) as it
/// streams by, without holding a video in memory: every value of the named field is left out of the JSON that is kept
/// (it becomes ""), and the value of one chosen occurrence is decoded straight into a destination stream. What is kept
/// is small enough to parse as usual; it is bounded, and so is the whole answer.
/// </summary>
/// <remarks>
/// Only a real key can match: inside a JSON string every quote is escaped, so the text "name" followed by a colon
/// appears unescaped only where it is a member name. Base64 holds no character JSON must escape; "\/" is taken for "/".
/// </remarks>
internal sealed class InlineBase64Field : Stream
{
    private enum State { Outside, InString, Escape, AfterKey, AfterColon, InValue, ValueEscape }

    private readonly byte[] _key;
    private readonly int _decodeOccurrence;
    private readonly Stream? _destination;
    private readonly long _maxKept;
    private readonly long _maxTotal;
    private readonly MemoryStream _kept = new();
    /// <summary>The chosen value's base64 not decoded yet, as the bytes it arrived in; decoded in place, never copied into strings.</summary>
    private readonly byte[] _base64 = new byte[FlushCharacters];
    private readonly byte[] _decoded = new byte[FlushCharacters / 4 * 3];
    private int _base64Length;
    private State _state;
    private int _stringLength;
    private bool _stringMayBeKey;
    private long _total;

    /// <param name="field">The member name whose string values are taken out (bytesBase64Encoded).</param>
    /// <param name="decodeOccurrence">Which value (0 = the first in the document) is decoded into <paramref name="destination"/>; -1 for none.</param>
    /// <param name="maxKept">The most JSON kept once the values are taken out.</param>
    /// <param name="maxTotal">The most bytes read in all, values included.</param>
    public InlineBase64Field(string field, int decodeOccurrence, Stream? destination, long maxKept, long maxTotal)
    {
        _key = Encoding.UTF8.GetBytes(field);
        _decodeOccurrence = decodeOccurrence;
        _destination = destination;
        _maxKept = maxKept;
        _maxTotal = maxTotal;
    }

    /// <summary>How many values of the field went by.</summary>
    public int Occurrences { get; private set; }

    /// <summary>Whether the chosen occurrence was found and written whole.</summary>
    public bool Decoded { get; private set; }

    /// <summary>The bytes of the chosen video written so far.</summary>
    public long DecodedBytes { get; private set; }

    /// <summary>The answer with every value of the field replaced by "".</summary>
    public byte[] KeptJson() => _kept.ToArray();

    public override void Write(byte[] buffer, int offset, int count) => WriteAsync(buffer, offset, count, CancellationToken.None).GetAwaiter().GetResult();

    public override async Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
    {
        _total += count;
        if (_total > _maxTotal)
            throw new AnswerTooLargeException($"The server's answer went past {_maxTotal:N0} bytes; Veo stopped reading it.");
        var end = offset + count;
        for (var i = offset; i < end; i++)
        {
            var b = buffer[i];
            switch (_state)
            {
                case State.InValue:
                    if (b == (byte)'"')
                    {
                        await EndValueAsync(cancellationToken).ConfigureAwait(false);
                        Keep(b);
                        _state = State.Outside;
                    }
                    else if (b == (byte)'\\') _state = State.ValueEscape;
                    else await ValueByteAsync(b, cancellationToken).ConfigureAwait(false);
                    break;
                case State.ValueEscape:
                    if (b != (byte)'/') throw new InvalidDataException($"The server's {Encoding.UTF8.GetString(_key)} holds an escape that is not base64.");
                    await ValueByteAsync(b, cancellationToken).ConfigureAwait(false);
                    _state = State.InValue;
                    break;
                default:
                    Keep(b);
                    Structure(b);
                    break;
            }
        }
    }

    private void Structure(byte b)
    {
        switch (_state)
        {
            case State.Outside:
                if (b == (byte)'"') StartString();
                break;
            case State.InString:
                if (b == (byte)'\\')
                {
                    _stringMayBeKey = false;
                    _state = State.Escape;
                }
                else if (b == (byte)'"') _state = _stringMayBeKey && _stringLength == _key.Length ? State.AfterKey : State.Outside;
                else
                {
                    _stringMayBeKey &= _stringLength < _key.Length && b == _key[_stringLength];
                    _stringLength++;
                }
                break;
            case State.Escape:
                _stringLength++;
                _state = State.InString;
                break;
            case State.AfterKey:
                if (b == (byte)':') _state = State.AfterColon;
                else if (!IsSpace(b)) _state = b == (byte)'"' ? Restart() : State.Outside;
                break;
            case State.AfterColon:
                if (b == (byte)'"')
                {
                    _state = State.InValue;
                    _base64Length = 0;
                }
                else if (!IsSpace(b)) _state = State.Outside;
                break;
        }
    }

    private State Restart()
    {
        StartString();
        return State.InString;
    }

    private void StartString()
    {
        _state = State.InString;
        _stringLength = 0;
        _stringMayBeKey = true;
    }

    /// <summary>Decoded 64 K characters at a time into buffers made once: no allocation per chunk, whatever the video's size.</summary>
    private const int FlushCharacters = 64 * 1024;

    private bool Chosen => Occurrences == _decodeOccurrence && _destination is not null;

    private async Task ValueByteAsync(byte b, CancellationToken cancellationToken)
    {
        if (!Chosen) return;
        _base64[_base64Length++] = b;
        if (_base64Length == _base64.Length) await FlushAsync(_base64Length, cancellationToken).ConfigureAwait(false);
    }

    private async Task EndValueAsync(CancellationToken cancellationToken)
    {
        if (Chosen)
        {
            if (_base64Length % 4 != 0) throw new InvalidDataException($"The server's {Encoding.UTF8.GetString(_key)} is not whole base64 (its length is not a multiple of 4).");
            await FlushAsync(_base64Length, cancellationToken).ConfigureAwait(false);
            Decoded = true;
        }
        Occurrences++;
    }

    /// <summary>Decodes the first <paramref name="characters"/> (a multiple of 4) and writes the bytes on.</summary>
    private async Task FlushAsync(int characters, CancellationToken cancellationToken)
    {
        if (characters == 0) return;
        // Padding may only end the value, and only the value's last chunk holds it: every chunk is decoded as whole.
        var status = System.Buffers.Text.Base64.DecodeFromUtf8(_base64.AsSpan(0, characters), _decoded, out var consumed, out var written, isFinalBlock: true);
        if (status != System.Buffers.OperationStatus.Done || consumed != characters)
            throw new InvalidDataException($"The server's {Encoding.UTF8.GetString(_key)} is not valid base64.");
        _base64Length -= characters;
        if (_base64Length > 0) Buffer.BlockCopy(_base64, characters, _base64, 0, _base64Length);
        await _destination!.WriteAsync(_decoded, 0, written, cancellationToken).ConfigureAwait(false);
        DecodedBytes += written;
    }

    private void Keep(byte b)
    {
        if (_kept.Length >= _maxKept)
            throw new AnswerTooLargeException($"The server's answer holds more than {_maxKept:N0} bytes of JSON besides the videos; Veo stopped reading it.");
        _kept.WriteByte(b);
    }

    private static bool IsSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _total;
    public override long Position { get => _total; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
