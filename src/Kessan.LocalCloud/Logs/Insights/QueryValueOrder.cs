namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>The order of Logs Insights' <c>sort</c>: missing values first, then text by natural order (runs of digits
/// compared by length, then value; everything else by Unicode code point), then numbers by value. Text that is
/// only a number counts as a number.</summary>
public sealed class QueryValueOrder : IComparer<QueryValue>
{
    public static QueryValueOrder Ascending { get; } = new();

    public int Compare(QueryValue left, QueryValue right)
    {
        var leftRank = Rank(left, out var leftNumber);
        var rightRank = Rank(right, out var rightNumber);
        if (leftRank != rightRank)
        {
            return leftRank.CompareTo(rightRank);
        }

        return leftRank switch
        {
            2 => leftNumber.CompareTo(rightNumber),
            1 => CompareNatural(left.AsText()!, right.AsText()!),
            _ => 0,
        };
    }

    /// <summary>0 missing, 1 text, 2 number.</summary>
    private static int Rank(QueryValue value, out double number)
    {
        number = 0;
        if (!value.IsPresent)
        {
            return 0;
        }

        if (value.Kind == QueryValueKind.Text && !IsNumberText(value.AsText()!))
        {
            return 1;
        }

        return value.TryNumber(out number) ? 2 : 1;
    }

    private static bool IsNumberText(string text) => text.Length > 0 && (char.IsAsciiDigit(text[0]) || text[0] is '-' or '.');

    private static int CompareNatural(string left, string right)
    {
        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (char.IsAsciiDigit(left[i]) && char.IsAsciiDigit(right[j]))
            {
                var leftEnd = DigitsEnd(left, i);
                var rightEnd = DigitsEnd(right, j);
                var leftDigits = left.AsSpan(i, leftEnd - i).TrimStart('0');
                var rightDigits = right.AsSpan(j, rightEnd - j).TrimStart('0');
                var byLength = leftDigits.Length.CompareTo(rightDigits.Length);
                if (byLength != 0)
                {
                    return byLength;
                }

                var byValue = leftDigits.SequenceCompareTo(rightDigits);
                if (byValue != 0)
                {
                    return byValue;
                }

                i = leftEnd;
                j = rightEnd;
                continue;
            }

            var byChar = left[i].CompareTo(right[j]);
            if (byChar != 0)
            {
                return byChar;
            }

            i++;
            j++;
        }

        return (left.Length - i).CompareTo(right.Length - j);
    }

    private static int DigitsEnd(string text, int start)
    {
        var end = start;
        while (end < text.Length && char.IsAsciiDigit(text[end]))
        {
            end++;
        }

        return end;
    }
}
