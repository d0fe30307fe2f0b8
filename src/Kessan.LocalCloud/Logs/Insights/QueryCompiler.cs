using System.Text;
using System.Text.RegularExpressions;

namespace Kessan.LocalCloud.Logs.Insights;

/// <summary>Checks a parsed query and compiles it into a <see cref="QueryPlan"/>. Every problem is a
/// <see cref="QueryCompileException"/> pointing at the characters at fault.</summary>
public sealed class QueryCompiler
{
    private static readonly TimeSpan RegexTimeout = TimeSpan.FromSeconds(1);

    private readonly string _query;
    private readonly RowLayout _layout = new();
    private readonly List<QueryStage> _stages = [];
    private readonly List<string> _columns = ["@timestamp", "@message"];
    private bool _defaultColumns = true;
    private bool _hasLimit;

    /// <summary>The fields rows have after a stats command; null before any (every field name is fine then).</summary>
    private HashSet<string>? _available;

    private QueryCompiler(string query) => _query = query;

    /// <param name="requestLimit">StartQuery's limit: rows returned at most.</param>
    /// <exception cref="QueryCompileException"/>
    public static QueryPlan Compile(string query, int? requestLimit)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            throw new QueryCompileException("the query is empty; start with a command such as fields @timestamp, @message", new QuerySpan(0, Math.Max(1, query.Length)));
        }

        var compiler = new QueryCompiler(query);
        foreach (var command in QueryGrammar.ParseCommands(query))
        {
            compiler.Add(command);
        }

        return compiler.Build(requestLimit);
    }

    private void Add(QueryCommand command)
    {
        switch (command)
        {
            case FieldsCommand fields:
                AddFields(fields);
                break;
            case DisplayCommand display:
                foreach (var field in display.Fields)
                {
                    RequireAvailable(field);
                }

                SetColumns(display.Fields.Select(field => field.Name));
                break;
            case FilterCommand filter:
                _stages.Add(new FilterStage(Compile(filter.Condition)));
                break;
            case StatsCommand stats:
                AddStats(stats);
                break;
            case SortCommand sort:
                _stages.Add(new SortStage([.. sort.Keys.Select(key => (Compile(key.Expression), key.Descending))], keep: null));
                break;
            case LimitCommand limit:
                if (limit.Count != Math.Floor(limit.Count) || limit.Count < 1 || limit.Count > QueryPlan.MaxResultLimit)
                {
                    throw new QueryCompileException($"limit takes a whole number of rows from 1 to {QueryPlan.MaxResultLimit}", limit.CountSpan);
                }

                _hasLimit = true;
                _stages.Add(new LimitStage((int)limit.Count));
                break;
            case ParseCommand parse:
                AddParse(parse);
                break;
            case DedupCommand dedup:
                _stages.Add(new DedupStage([.. dedup.Fields.Select(field => Compile(field))]));
                break;
        }
    }

    private void AddFields(FieldsCommand command)
    {
        var computed = new List<(int Slot, Evaluator Value)>();
        var names = new List<string>();
        foreach (var item in command.Fields)
        {
            var value = Compile(item.Expression);
            var name = NameOf(item);
            names.Add(name);
            if (item.Expression is not FieldExpression field || field.Name != name)
            {
                computed.Add((_layout.Slot(name), value));
            }

            _available?.Add(name);
        }

        if (computed.Count > 0)
        {
            _stages.Add(new FieldsStage(computed));
        }

        if (_defaultColumns)
        {
            SetColumns(names);
        }
        else
        {
            AddColumns(names);
        }
    }

    private void AddStats(StatsCommand command)
    {
        // Aggregate arguments and groups read the rows as they are before this command.
        var aggregates = new List<(int Slot, Func<Aggregator> Create)>();
        var groups = command.Groups.Select(group => (Group: group, Value: Compile(group.Expression))).ToList();
        var items = new List<(NamedExpression Item, Evaluator Value)>();
        foreach (var item in command.Aggregates)
        {
            var before = aggregates.Count;
            var value = Compile(item.Expression, aggregates);
            if (aggregates.Count == before)
            {
                throw new QueryCompileException(
                    "each stats item needs an aggregate function (count, count_distinct, sum, avg, min, max, pct, stddev)", item.Expression.Span);
            }

            items.Add((item, value));
        }

        var names = groups.Select(group => NameOf(group.Group)).Concat(items.Select(item => NameOf(item.Item))).ToList();
        _stages.Add(new StatsStage(
            _layout,
            [.. groups.Select((group, i) => (_layout.Slot(names[i]), group.Value))],
            aggregates,
            [.. items.Select((item, i) => (_layout.Slot(names[groups.Count + i]), item.Value))]));
        _available = new HashSet<string>(names, StringComparer.Ordinal);
        SetColumns(names);
    }

    private void AddParse(ParseCommand command)
    {
        var source = Compile(command.Source);
        Regex pattern;
        List<(string Name, int Group)> captures;
        if (command.Pattern is RegexLiteral regex)
        {
            pattern = CompileRegex(regex);
            captures = [.. pattern.GetGroupNames()
                .Where(name => !int.TryParse(name, out _))
                .Select(name => (name, pattern.GroupNumberFromName(name)))];
            if (captures.Count == 0)
            {
                throw new QueryCompileException("parse with a regular expression needs named groups such as (?<user>\\w+) to name the fields it sets", regex.Span);
            }
        }
        else
        {
            var glob = (StringLiteral)command.Pattern;
            var parts = glob.Value.Split('*');
            if (parts.Length - 1 != command.Names.Count)
            {
                throw new QueryCompileException(
                    $"the pattern has {parts.Length - 1} * but {command.Names.Count} names follow as; give one name per *", glob.Span);
            }

            pattern = GlobPattern(parts);
            captures = [.. command.Names.Select((name, i) => (name.Name, i + 1))];
        }

        _stages.Add(new ParseStage(source, pattern, [.. captures.Select(capture => (_layout.Slot(capture.Name), capture.Group))]));
        foreach (var (name, _) in captures)
        {
            _available?.Add(name);
        }

        AddColumns(captures.Select(capture => capture.Name));
    }

    // Literal text between the stars must match as written; each star takes as little as it can, the last one the rest.
    private static Regex GlobPattern(string[] parts)
    {
        var pattern = new StringBuilder();
        for (var i = 0; i < parts.Length; i++)
        {
            pattern.Append(Regex.Escape(parts[i]));
            if (i < parts.Length - 1)
            {
                pattern.Append(i == parts.Length - 2 && parts[^1].Length == 0 ? "(.*)" : "(.*?)");
            }
        }

        return new Regex(pattern.ToString(), RegexOptions.Singleline | RegexOptions.CultureInvariant, RegexTimeout);
    }

    private QueryPlan Build(int? requestLimit)
    {
        var resultLimit = requestLimit ?? (_hasLimit ? QueryPlan.MaxResultLimit : QueryPlan.DefaultResultLimit);
        var first = _stages.FindIndex(stage => stage is CollectingStage);
        var scan = (first < 0 ? _stages : _stages[..first]).Cast<RowStage>().ToList();
        CollectingStage collector;
        List<QueryStage> rest;
        if (first < 0)
        {
            // Nothing collects: the scan stops as soon as the result is full.
            collector = new LimitStage(resultLimit);
            rest = [];
        }
        else
        {
            collector = (CollectingStage)_stages[first];
            rest = _stages[(first + 1)..];
            if (collector is SortStage sort && TopCount(rest, resultLimit) is { } keep)
            {
                collector = sort.Keeping(keep);
            }
        }

        var columns = _columns.Distinct(StringComparer.Ordinal).Select(name => (name, _layout.Slot(name))).ToList();
        return new QueryPlan(_layout, scan, collector, rest, columns, resultLimit);
    }

    /// <summary>How many sorted rows can reach the result when only fields and limits follow the sort; null when a later
    /// stage could drop rows, so every row must be kept.</summary>
    private static int? TopCount(List<QueryStage> rest, int resultLimit)
    {
        var keep = resultLimit;
        foreach (var stage in rest)
        {
            switch (stage)
            {
                case LimitStage limit:
                    keep = Math.Min(keep, limit.Count);
                    break;
                case FieldsStage:
                    break;
                default:
                    return null;
            }
        }

        return keep;
    }

    private Evaluator Compile(QueryExpression expression, List<(int Slot, Func<Aggregator> Create)>? aggregates = null, bool insideAggregate = false)
    {
        Evaluator Inner(QueryExpression inner) => Compile(inner, aggregates, insideAggregate);

        switch (expression)
        {
            case FieldExpression field:
                RequireAvailable(field);
                return new SlotEvaluator(_layout.Slot(field.Name));
            case NumberLiteral number:
                return new ConstantEvaluator(QueryValue.Number(number.Value));
            case StringLiteral text:
                return new ConstantEvaluator(QueryValue.Text(text.Value));
            case RegexLiteral regex:
                throw new QueryCompileException("a regular expression can only follow like or =~, or be the pattern of parse", regex.Span);
            case PeriodLiteral period:
                throw new QueryCompileException(
                    "a time period such as 1h can only be the period of bin(), datefloor() or dateceil(); the time range of a query comes from its start and end time, not from a filter",
                    period.Span);
            case ListExpression list:
                throw new QueryCompileException("a [list] can only follow in", list.Span);
            case UnaryExpression { Operator: UnaryOperator.Negate } negate:
                return new NegateEvaluator(Inner(negate.Operand));
            case UnaryExpression not:
                return new NotEvaluator(Inner(not.Operand));
            case BinaryExpression { Operator: BinaryOperator.And or BinaryOperator.Or } logical:
                return new LogicalEvaluator(logical.Operator == BinaryOperator.And, Inner(logical.Left), Inner(logical.Right));
            case BinaryExpression { Operator: >= BinaryOperator.Equal } comparison:
                return new ComparisonEvaluator(comparison.Operator, Inner(comparison.Left), Inner(comparison.Right));
            case BinaryExpression arithmetic:
                return new ArithmeticEvaluator(arithmetic.Operator, Inner(arithmetic.Left), Inner(arithmetic.Right));
            case LikeExpression like:
                return like.Pattern is StringLiteral contains
                    ? new MatchEvaluator(Inner(like.Operand), contains.Value, null, like.Negated)
                    : CompileMatch(Inner(like.Operand), (RegexLiteral)like.Pattern, like.Negated);
            case InExpression @in:
                return new InEvaluator(Inner(@in.Operand), [.. @in.Values.Items.Select(Inner)], @in.Negated);
            case CallExpression call:
                return CompileCall(call, aggregates, insideAggregate);
            default:
                throw new QueryCompileException("this expression is not supported", expression.Span);
        }
    }

    private static MatchEvaluator CompileMatch(Evaluator operand, RegexLiteral pattern, bool negated)
    {
        // A pattern without special characters is a plain search, which runs on stored bytes without a regex.
        if (Regex.Escape(pattern.Pattern) == pattern.Pattern)
        {
            return new MatchEvaluator(operand, pattern.Pattern, null, negated);
        }

        return new MatchEvaluator(operand, null, CompileRegex(pattern), negated);
    }

    private static Regex CompileRegex(RegexLiteral pattern)
    {
        try
        {
            return new Regex(pattern.Pattern, RegexOptions.CultureInvariant, RegexTimeout);
        }
        catch (ArgumentException error)
        {
            throw new QueryCompileException($"/{pattern.Pattern}/ is not a valid regular expression: {error.Message}", pattern.Span);
        }
    }

    private Evaluator CompileCall(CallExpression call, List<(int Slot, Func<Aggregator> Create)>? aggregates, bool insideAggregate)
    {
        if (Aggregates.IsAggregate(call.Name))
        {
            return CompileAggregate(call, aggregates, insideAggregate);
        }

        if (call.Star)
        {
            throw new QueryCompileException($"{call.Name}(*) is not allowed; only count(*) takes *", call.Span);
        }

        if (ScalarFunctions.PeriodFunctions.Contains(call.Name))
        {
            return CompilePeriodFunction(call, aggregates, insideAggregate);
        }

        if (!ScalarFunctions.TryFind(call.Name, out var function))
        {
            throw new QueryCompileException(
                $"unknown function {call.Name}; the functions are {string.Join(", ", ScalarFunctions.Names)} and the aggregates {string.Join(", ", Aggregates.Names.Order())}",
                call.NameSpan);
        }

        RequireArguments(call, function.MinArguments, function.MaxArguments);
        return new FunctionEvaluator(function.Invoke, [.. call.Arguments.Select(argument => Compile(argument, aggregates, insideAggregate))]);
    }

    private Evaluator CompilePeriodFunction(CallExpression call, List<(int Slot, Func<Aggregator> Create)>? aggregates, bool insideAggregate)
    {
        var isBin = call.Name.Equals("bin", StringComparison.OrdinalIgnoreCase);
        RequireArguments(call, isBin ? 1 : 2, isBin ? 1 : 2);
        var periodArgument = call.Arguments[^1];
        if (periodArgument is not PeriodLiteral { Period: var period } || period.Amount <= 0)
        {
            throw new QueryCompileException($"{call.Name}() takes a time period such as 5m or 1h ({TimePeriod.Accepted})", periodArgument.Span);
        }

        Evaluator time = isBin
            ? new SlotEvaluator(_layout.Slot("@timestamp"))
            : Compile(call.Arguments[0], aggregates, insideAggregate);
        var ceiling = call.Name.Equals("dateceil", StringComparison.OrdinalIgnoreCase);
        return new FunctionEvaluator(
            values => values[0].TryNumber(out var at) ? QueryValue.Time(ceiling ? period.Ceiling(at) : period.Floor(at)) : QueryValue.Missing,
            [time]);
    }

    private Evaluator CompileAggregate(CallExpression call, List<(int Slot, Func<Aggregator> Create)>? aggregates, bool insideAggregate)
    {
        if (aggregates is null)
        {
            throw new QueryCompileException($"{call.Name}() is an aggregate function: it can only be used in stats", call.Span);
        }

        if (insideAggregate)
        {
            throw new QueryCompileException($"{call.Name}() is inside another aggregate function; aggregates cannot be nested", call.Span);
        }

        var name = call.Name.ToLowerInvariant();
        Evaluator? argument = null;
        var percentile = 0.0;
        switch (name)
        {
            case "count":
                if (!call.Star)
                {
                    RequireArguments(call, 0, 1);
                    argument = call.Arguments.Count == 1 ? Compile(call.Arguments[0], aggregates, insideAggregate: true) : null;
                }

                break;
            case "pct":
                RequireArguments(call, 2, 2);
                if (call.Arguments[1] is not NumberLiteral { Value: >= 0 and <= 100 } rank)
                {
                    throw new QueryCompileException("pct() takes the percentile as a number from 0 to 100, e.g. pct(response_time_ms, 95)", call.Arguments[1].Span);
                }

                percentile = rank.Value;
                argument = Compile(call.Arguments[0], aggregates, insideAggregate: true);
                break;
            default:
                if (call.Star)
                {
                    throw new QueryCompileException($"{call.Name}(*) is not allowed; only count(*) takes *", call.Span);
                }

                RequireArguments(call, 1, 1);
                argument = Compile(call.Arguments[0], aggregates, insideAggregate: true);
                break;
        }

        var slot = _layout.Slot($"#aggregate{aggregates.Count}:{_layout.Count}");
        aggregates.Add((slot, Aggregates.Create(name, argument, percentile)));
        return new SlotEvaluator(slot);
    }

    private static void RequireArguments(CallExpression call, int min, int max)
    {
        var count = call.Arguments.Count;
        if (count < min || count > max)
        {
            var wanted = min == max ? $"{min}" : max == int.MaxValue ? $"at least {min}" : $"{min} to {max}";
            throw new QueryCompileException($"{call.Name}() takes {wanted} argument{(max == 1 ? "" : "s")}, not {count}", call.Span);
        }
    }

    private void RequireAvailable(FieldExpression field)
    {
        if (_available is not null && !_available.Contains(field.Name))
        {
            throw new QueryCompileException(
                $"{field.Name} is not a field after stats, which gives {string.Join(", ", _available)}; name an aggregate with as (avg(x) as avg_x) to refer to it",
                field.Span);
        }
    }

    private string NameOf(NamedExpression item) => item.Alias?.Name
        ?? (item.Expression is FieldExpression field ? field.Name : _query[item.Expression.Span.Start..item.Expression.Span.End]);

    private void SetColumns(IEnumerable<string> names)
    {
        _columns.Clear();
        _columns.AddRange(names);
        _defaultColumns = false;
    }

    private void AddColumns(IEnumerable<string> names) => _columns.AddRange(names);
}
