using System.Buffers;
using System.Text;
using System.Text.RegularExpressions;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>A compiled expression: evaluated once per row, so it does its work without looking names up.</summary>
public abstract class Evaluator
{
    public abstract QueryValue Evaluate(QueryRow row);

    /// <summary>The value as a filter condition.</summary>
    public virtual bool Test(QueryRow row) => Evaluate(row).IsTruthy();
}

public sealed class SlotEvaluator(int slot) : Evaluator
{
    public int Slot { get; } = slot;

    public override QueryValue Evaluate(QueryRow row) => row.Get(Slot);
}

public sealed class ConstantEvaluator(QueryValue value) : Evaluator
{
    public QueryValue Value { get; } = value;

    public override QueryValue Evaluate(QueryRow row) => Value;
}

public sealed class NotEvaluator(Evaluator operand) : Evaluator
{
    public override QueryValue Evaluate(QueryRow row) => QueryValue.Boolean(!operand.Test(row));

    public override bool Test(QueryRow row) => !operand.Test(row);
}

public sealed class LogicalEvaluator(bool isAnd, Evaluator left, Evaluator right) : Evaluator
{
    public override QueryValue Evaluate(QueryRow row) => QueryValue.Boolean(Test(row));

    public override bool Test(QueryRow row) => isAnd ? left.Test(row) && right.Test(row) : left.Test(row) || right.Test(row);
}

/// <summary>Arithmetic on numbers; a timestamp plus or minus a number stays a timestamp. Anything else is missing.</summary>
public sealed class ArithmeticEvaluator(BinaryOperator op, Evaluator left, Evaluator right) : Evaluator
{
    public override QueryValue Evaluate(QueryRow row)
    {
        var a = left.Evaluate(row);
        var b = right.Evaluate(row);
        if (!a.TryNumber(out var x) || !b.TryNumber(out var y))
        {
            return QueryValue.Missing;
        }

        var result = op switch
        {
            BinaryOperator.Add => x + y,
            BinaryOperator.Subtract => x - y,
            BinaryOperator.Multiply => x * y,
            BinaryOperator.Divide => x / y,
            BinaryOperator.Remainder => x % y,
            _ => Math.Pow(x, y),
        };
        var keepsTime = op is BinaryOperator.Add or BinaryOperator.Subtract
            && (a.Kind == QueryValueKind.Time) != (b.Kind == QueryValueKind.Time);
        return keepsTime ? QueryValue.Time(result) : QueryValue.Number(result);
    }
}

public sealed class NegateEvaluator(Evaluator operand) : Evaluator
{
    public override QueryValue Evaluate(QueryRow row) => operand.Evaluate(row).TryNumber(out var x) ? QueryValue.Number(-x) : QueryValue.Missing;
}

/// <summary>Comparisons: as numbers when both sides are numbers (or text that reads as one), else as text by code
/// point. A missing side makes every comparison false.</summary>
public sealed class ComparisonEvaluator : Evaluator
{
    private readonly BinaryOperator _op;
    private readonly Evaluator _left;
    private readonly Evaluator _right;
    private readonly int _fieldSlot = -1;
    private readonly byte[]? _utf8Constant;

    public ComparisonEvaluator(BinaryOperator op, Evaluator left, Evaluator right)
    {
        _op = op;
        _left = left;
        _right = right;
        // field = "text": compared on the stored bytes, without decoding the field.
        if (op is BinaryOperator.Equal or BinaryOperator.NotEqual && left is SlotEvaluator field && right is ConstantEvaluator { Value.Kind: QueryValueKind.Text } constant)
        {
            _fieldSlot = field.Slot;
            _utf8Constant = Encoding.UTF8.GetBytes(constant.Value.AsText()!);
        }
    }

    public override QueryValue Evaluate(QueryRow row) => QueryValue.Boolean(Test(row));

    public override bool Test(QueryRow row)
    {
        if (_utf8Constant is not null && row.TryGetUtf8(_fieldSlot, out var bytes))
        {
            return bytes.SequenceEqual(_utf8Constant) == (_op == BinaryOperator.Equal);
        }

        return Compare(_op, _left.Evaluate(row), _right.Evaluate(row));
    }

    public static bool Compare(BinaryOperator op, QueryValue a, QueryValue b)
    {
        if (!a.IsPresent || !b.IsPresent)
        {
            return false;
        }

        int order;
        if (a.TryNumber(out var x) && b.TryNumber(out var y))
        {
            order = x.CompareTo(y);
        }
        else
        {
            order = string.CompareOrdinal(a.AsText(), b.AsText());
        }

        return op switch
        {
            BinaryOperator.Equal => order == 0,
            BinaryOperator.NotEqual => order != 0,
            BinaryOperator.Less => order < 0,
            BinaryOperator.LessOrEqual => order <= 0,
            BinaryOperator.Greater => order > 0,
            _ => order >= 0,
        };
    }
}

/// <summary><c>like "text"</c> (contains) and <c>like /re/</c>, <c>=~ /re/</c> (matches somewhere). A regular expression
/// without special characters is a plain search, and either is run on the stored UTF-8 bytes when the operand is
/// kept that way, which is what makes <c>@message like /api_request/</c> fast.</summary>
public sealed class MatchEvaluator : Evaluator
{
    private readonly Evaluator _operand;
    private readonly int _slot = -1;
    private readonly bool _negated;
    private readonly Regex? _regex;
    private readonly string? _literal;
    private readonly byte[]? _utf8Literal;

    public MatchEvaluator(Evaluator operand, string? literal, Regex? regex, bool negated)
    {
        _operand = operand;
        _slot = operand is SlotEvaluator field ? field.Slot : -1;
        _negated = negated;
        _literal = literal;
        _regex = regex;
        if (literal is not null)
        {
            _utf8Literal = Encoding.UTF8.GetBytes(literal);
        }
    }

    public override QueryValue Evaluate(QueryRow row) => QueryValue.Boolean(Test(row));

    public override bool Test(QueryRow row)
    {
        if (_slot >= 0 && row.TryGetUtf8(_slot, out var bytes))
        {
            return Matches(bytes) != _negated;
        }

        var value = _operand.Evaluate(row);
        if (!value.IsPresent)
        {
            return false;
        }

        var text = value.AsText()!;
        var matched = _literal is not null ? text.Contains(_literal, StringComparison.Ordinal) : _regex!.IsMatch(text);
        return matched != _negated;
    }

    private bool Matches(ReadOnlySpan<byte> bytes)
    {
        if (_utf8Literal is not null)
        {
            return bytes.IndexOf(_utf8Literal) >= 0;
        }

        var buffer = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            var length = Encoding.UTF8.GetChars(bytes, buffer);
            return _regex!.IsMatch(buffer.AsSpan(0, length));
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }
}

public sealed class InEvaluator(Evaluator operand, IReadOnlyList<Evaluator> values, bool negated) : Evaluator
{
    private readonly Evaluator[] _values = [.. values];

    public override QueryValue Evaluate(QueryRow row) => QueryValue.Boolean(Test(row));

    public override bool Test(QueryRow row)
    {
        var value = operand.Evaluate(row);
        if (!value.IsPresent)
        {
            return false;
        }

        foreach (var candidate in _values)
        {
            if (ComparisonEvaluator.Compare(BinaryOperator.Equal, value, candidate.Evaluate(row)))
            {
                return !negated;
            }
        }

        return negated;
    }
}

/// <summary>A scalar function over its evaluated arguments.</summary>
public sealed class FunctionEvaluator(Func<QueryValue[], QueryValue> function, IReadOnlyList<Evaluator> arguments) : Evaluator
{
    public override QueryValue Evaluate(QueryRow row)
    {
        var values = new QueryValue[arguments.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = arguments[i].Evaluate(row);
        }

        return function(values);
    }
}
