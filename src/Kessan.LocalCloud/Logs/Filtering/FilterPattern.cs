using System.Globalization;
using System.Text;
using System.Buffers;
using Kessan.LocalCloud.Logs.Storage;

namespace Kessan.LocalCloud.Logs.Filtering;

/// <summary>A FilterLogEvents pattern, compiled once per call: empty (every event), terms (<c>ERROR "exact phrase"</c>
/// all present, <c>?ERROR ?WARN</c> any of them, <c>-health</c> absent; case-sensitive), or a JSON pattern over the
/// fields discovered at ingest (<c>{ $.level = "error" &amp;&amp; $.status_code >= 500 }</c>, <c>||</c>, parentheses,
/// <c>*</c> wildcards in strings, <c>IS TRUE</c>/<c>IS FALSE</c>, <c>NOT EXISTS</c>/<c>IS NULL</c>).</summary>
public abstract class FilterPattern
{
    public static FilterPattern All { get; } = new TermPattern([], [], []);

    /// <exception cref="FilterPatternException">Saying what in the pattern is wrong and where.</exception>
    public static FilterPattern Parse(string? pattern, FieldNames names)
    {
        if (string.IsNullOrWhiteSpace(pattern))
        {
            return All;
        }

        var trimmed = pattern.Trim();
        return trimmed.StartsWith('{') ? new JsonPatternParser(trimmed, names).Parse() : TermPattern.Parse(trimmed);
    }

    public abstract bool Matches(SegmentView view, int index);

    private sealed class TermPattern(byte[][] required, byte[][] anyOf, byte[][] excluded) : FilterPattern
    {
        public static TermPattern Parse(string pattern)
        {
            var required = new List<byte[]>();
            var anyOf = new List<byte[]>();
            var excluded = new List<byte[]>();
            var position = 0;
            while (position < pattern.Length)
            {
                if (char.IsWhiteSpace(pattern[position]))
                {
                    position++;
                    continue;
                }

                var target = pattern[position] switch { '?' => anyOf, '-' => excluded, _ => required };
                if (pattern[position] is '?' or '-')
                {
                    position++;
                }

                string term;
                if (position < pattern.Length && pattern[position] == '"')
                {
                    var close = pattern.IndexOf('"', position + 1);
                    if (close < 0)
                    {
                        throw new FilterPatternException($"the quoted term starting at character {position + 1} has no closing \"");
                    }

                    term = pattern[(position + 1)..close];
                    position = close + 1;
                }
                else
                {
                    var end = position;
                    while (end < pattern.Length && !char.IsWhiteSpace(pattern[end]))
                    {
                        end++;
                    }

                    term = pattern[position..end];
                    position = end;
                }

                if (term.Length > 0)
                {
                    target.Add(Encoding.UTF8.GetBytes(term));
                }
            }

            return new TermPattern([.. required], [.. anyOf], [.. excluded]);
        }

        public override bool Matches(SegmentView view, int index)
        {
            var message = view.Message(index);
            foreach (var term in required)
            {
                if (message.IndexOf(term) < 0)
                {
                    return false;
                }
            }

            foreach (var term in excluded)
            {
                if (message.IndexOf(term) >= 0)
                {
                    return false;
                }
            }

            if (anyOf.Length == 0)
            {
                return true;
            }

            foreach (var term in anyOf)
            {
                if (message.IndexOf(term) >= 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Matches JSON events only: a plain-text line has no fields to be absent from.</summary>
    private sealed class JsonPattern(Func<SegmentView, int, bool> condition) : FilterPattern
    {
        public override bool Matches(SegmentView view, int index)
        {
            var message = view.Message(index);
            var start = message.IndexOfAnyExcept(" \t\r\n"u8);
            return start >= 0 && message[start] == (byte)'{' && condition(view, index);
        }
    }

    /// <summary>A string value of a JSON pattern, exact or with <c>*</c> standing for any run of characters, compared
    /// with a field's UTF-8 bytes: most fields are bytes inside the message, so no event's value becomes a string.</summary>
    private sealed class TextPattern(string wanted)
    {
        /// <summary>The value split at its wildcards: one part for an exact value.</summary>
        private readonly byte[][] _parts = [.. wanted.Split('*').Select(Encoding.UTF8.GetBytes)];

        public bool Matches(SegmentView view, StoredField field)
        {
            if (view.TryUtf8(field, out var utf8))
            {
                return Matches(utf8);
            }

            if (field.Kind == StoredFieldKind.Number)
            {
                // The number as Insights shows it ("R"), which no double's text outgrows.
                Span<byte> number = stackalloc byte[32];
                field.Number.TryFormat(number, out var written, "R", CultureInfo.InvariantCulture);
                return Matches(number[..written]);
            }

            // A string with escapes, decoded at ingest: rare, so its bytes come from a rented buffer.
            var text = view.Text(field);
            var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
            try
            {
                return Matches(buffer.AsSpan(0, Encoding.UTF8.GetBytes(text, buffer)));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }

        private bool Matches(ReadOnlySpan<byte> value)
        {
            if (_parts.Length == 1)
            {
                return value.SequenceEqual(_parts[0]);
            }

            var (first, last) = (_parts[0], _parts[^1]);
            if (value.Length < first.Length + last.Length || !value.StartsWith(first) || !value.EndsWith(last))
            {
                return false;
            }

            // Between the fixed ends, each part in order at its first place is as good as any later place.
            var rest = value[first.Length..^last.Length];
            foreach (var part in _parts.AsSpan(1, _parts.Length - 2))
            {
                var at = rest.IndexOf(part);
                if (at < 0)
                {
                    return false;
                }

                rest = rest[(at + part.Length)..];
            }

            return true;
        }
    }

    /// <summary>Recursive descent over <c>{ condition }</c>: <c>||</c> binds looser than <c>&amp;&amp;</c>.</summary>
    private sealed class JsonPatternParser(string pattern, FieldNames names)
    {
        private int _position;

        public FilterPattern Parse()
        {
            Expect("{");
            var condition = Or();
            Expect("}");
            SkipSpace();
            if (_position < pattern.Length)
            {
                throw Error("nothing may follow the closing }");
            }

            return new JsonPattern(condition);
        }

        private Func<SegmentView, int, bool> Or()
        {
            var left = And();
            while (Accept("||"))
            {
                var (first, second) = (left, And());
                left = (view, index) => first(view, index) || second(view, index);
            }

            return left;
        }

        private Func<SegmentView, int, bool> And()
        {
            var left = Comparison();
            while (Accept("&&"))
            {
                var (first, second) = (left, Comparison());
                left = (view, index) => first(view, index) && second(view, index);
            }

            return left;
        }

        private Func<SegmentView, int, bool> Comparison()
        {
            if (Accept("("))
            {
                var inner = Or();
                Expect(")");
                return inner;
            }

            var field = Selector();
            if (AcceptWord("NOT"))
            {
                ExpectWord("EXISTS");
                return (view, index) => !view.TryFind(index, field, out _);
            }

            if (AcceptWord("IS"))
            {
                if (AcceptWord("NULL"))
                {
                    return (view, index) => !view.TryFind(index, field, out _);
                }

                var wanted = AcceptWord("TRUE") ? "true"u8.ToArray() : AcceptWord("FALSE") ? "false"u8.ToArray() : throw Error("IS takes TRUE, FALSE or NULL");
                return (view, index) => view.TryFind(index, field, out var stored) && view.TryUtf8(stored, out var bytes) && bytes.SequenceEqual(wanted);
            }

            var op = Operator();
            SkipSpace();
            if (_position < pattern.Length && pattern[_position] == '"')
            {
                return TextComparison(field, op, QuotedValue());
            }

            var word = Word();
            if (double.TryParse(word, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
            {
                return NumberComparison(field, op, number);
            }

            return TextComparison(field, op, word);
        }

        private Func<SegmentView, int, bool> NumberComparison(int field, string op, double wanted) => (view, index) =>
        {
            if (!view.TryFind(index, field, out var stored))
            {
                return false;
            }

            double actual;
            if (stored.Kind == StoredFieldKind.Number)
            {
                actual = stored.Number;
            }
            else if (!(view.TryUtf8(stored, out var utf8)
                ? double.TryParse(utf8, NumberStyles.Float, CultureInfo.InvariantCulture, out actual)
                : double.TryParse(view.Text(stored), NumberStyles.Float, CultureInfo.InvariantCulture, out actual)))
            {
                return false;
            }

            return op switch
            {
                "=" => actual == wanted,
                "!=" => actual != wanted,
                "<" => actual < wanted,
                "<=" => actual <= wanted,
                ">" => actual > wanted,
                _ => actual >= wanted,
            };
        };

        private Func<SegmentView, int, bool> TextComparison(int field, string op, string wanted)
        {
            if (op is not ("=" or "!="))
            {
                throw Error($"{op} compares numbers; a string can only be compared with = or !=");
            }

            var equal = op == "=";
            var text = new TextPattern(wanted);
            return (view, index) => view.TryFind(index, field, out var stored) && text.Matches(view, stored) == equal;
        }

        /// <summary><c>$.a.b[0]</c> as the discovered field <c>a.b.0</c>.</summary>
        private int Selector()
        {
            SkipSpace();
            if (_position >= pattern.Length || pattern[_position] != '$')
            {
                throw Error("expected a selector such as $.level");
            }

            _position++;
            var name = new StringBuilder();
            while (_position < pattern.Length)
            {
                var character = pattern[_position];
                if (character == '.')
                {
                    if (name.Length > 0)
                    {
                        name.Append('.');
                    }

                    _position++;
                }
                else if (character == '[')
                {
                    var close = pattern.IndexOf(']', _position);
                    if (close < 0)
                    {
                        throw Error("the [ of an array index has no ]");
                    }

                    name.Append('.').Append(pattern.AsSpan(_position + 1, close - _position - 1).Trim());
                    _position = close + 1;
                }
                else if (char.IsLetterOrDigit(character) || character is '_' or '-' or '@')
                {
                    name.Append(character);
                    _position++;
                }
                else
                {
                    break;
                }
            }

            if (name.Length == 0)
            {
                throw Error("the selector names no field; write $.field");
            }

            return names.Find(name.ToString());
        }

        private string Operator()
        {
            SkipSpace();
            foreach (var op in new[] { "!=", "<=", ">=", "=", "<", ">" })
            {
                if (string.CompareOrdinal(pattern, _position, op, 0, op.Length) == 0)
                {
                    _position += op.Length;
                    return op;
                }
            }

            throw Error("expected a comparison (=, !=, <, <=, >, >=), IS TRUE, IS FALSE, IS NULL or NOT EXISTS");
        }

        private string QuotedValue()
        {
            var close = pattern.IndexOf('"', _position + 1);
            if (close < 0)
            {
                throw Error("the string has no closing \"");
            }

            var value = pattern[(_position + 1)..close];
            _position = close + 1;
            return value;
        }

        private string Word()
        {
            SkipSpace();
            var start = _position;
            while (_position < pattern.Length && !char.IsWhiteSpace(pattern[_position]) && pattern[_position] is not ('}' or ')' or '&' or '|'))
            {
                _position++;
            }

            return _position > start ? pattern[start.._position] : throw Error("expected a value");
        }

        private bool Accept(string text)
        {
            SkipSpace();
            if (string.CompareOrdinal(pattern, _position, text, 0, text.Length) != 0)
            {
                return false;
            }

            _position += text.Length;
            return true;
        }

        private void Expect(string text)
        {
            if (!Accept(text))
            {
                throw Error($"expected {text}");
            }
        }

        private bool AcceptWord(string word)
        {
            SkipSpace();
            var end = _position + word.Length;
            if (end > pattern.Length || string.Compare(pattern, _position, word, 0, word.Length, StringComparison.OrdinalIgnoreCase) != 0
                || (end < pattern.Length && char.IsLetter(pattern[end])))
            {
                return false;
            }

            _position = end;
            return true;
        }

        private void ExpectWord(string word)
        {
            if (!AcceptWord(word))
            {
                throw Error($"expected {word}");
            }
        }

        private void SkipSpace()
        {
            while (_position < pattern.Length && char.IsWhiteSpace(pattern[_position]))
            {
                _position++;
            }
        }

        private FilterPatternException Error(string problem) =>
            new($"{problem} (at character {Math.Min(_position, pattern.Length) + 1} of the filter pattern)");
    }
}

public sealed class FilterPatternException(string message) : Exception(message);
