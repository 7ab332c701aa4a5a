using System.Globalization;

namespace Lodestar.Domain.Performance;

/// <summary>
/// Arithmetic over other measures' values: numbers, measure ids, <c>+ - * /</c>, unary minus and
/// parentheses, e.g. <c>placements_ifa / (placements_ifa + placements_inhouse) * 100</c>.
/// Ids are letters, digits, <c>_</c> and <c>-</c>; a <c>-</c> between two letters or digits with no
/// spaces belongs to the id (<c>cla-at-end</c>), so write subtraction with spaces: <c>a - b</c>.
/// A missing input or a division by zero gives no value (null), never 0.
/// </summary>
public sealed class Formula
{
    private readonly Node _root;

    private Formula(string text, Node root, IReadOnlyList<string> measureIds)
    {
        Text = text;
        _root = root;
        MeasureIds = measureIds;
    }

    public string Text { get; }

    /// <summary>The measure ids the formula reads, each once.</summary>
    public IReadOnlyList<string> MeasureIds { get; }

    public static bool TryParse(string text, out Formula? formula, out string error)
    {
        var parser = new Parser(text);
        try
        {
            var root = parser.ParseAll();
            formula = new Formula(text, root, parser.Ids.Distinct(StringComparer.Ordinal).ToList());
            error = "";
            return true;
        }
        catch (FormatException e)
        {
            formula = null;
            error = e.Message;
            return false;
        }
    }

    public static Formula Parse(string text) =>
        TryParse(text, out var formula, out var error) ? formula! : throw new FormatException(error);

    /// <summary>The value, given each measure's value (null when unknown); null when any input is missing or a divisor is zero.</summary>
    public decimal? Evaluate(Func<string, decimal?> valueOf)
    {
        try
        {
            return _root.Evaluate(valueOf);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    public override string ToString() => Text;

    private abstract record Node
    {
        public abstract decimal? Evaluate(Func<string, decimal?> valueOf);
    }

    private sealed record NumberNode(decimal Value) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => Value;
    }

    private sealed record IdNode(string Id) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => valueOf(Id);
    }

    private sealed record NegateNode(Node Operand) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf) => -Operand.Evaluate(valueOf);
    }

    private sealed record BinaryNode(char Operator, Node Left, Node Right) : Node
    {
        public override decimal? Evaluate(Func<string, decimal?> valueOf)
        {
            if (Left.Evaluate(valueOf) is not { } a || Right.Evaluate(valueOf) is not { } b)
            {
                return null;
            }

            return Operator switch
            {
                '+' => a + b,
                '-' => a - b,
                '*' => a * b,
                _ => b == 0 ? null : a / b,
            };
        }
    }

    private sealed class Parser(string text)
    {
        private int _position;

        public List<string> Ids { get; } = [];

        public Node ParseAll()
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                throw new FormatException("the formula is empty");
            }

            var node = ParseSum();
            SkipSpaces();
            if (_position < text.Length)
            {
                throw Error($"unexpected '{text[_position]}'");
            }

            return node;
        }

        private Node ParseSum()
        {
            var node = ParseProduct();
            while (Peek() is '+' or '-')
            {
                var op = text[_position++];
                node = new BinaryNode(op, node, ParseProduct());
            }

            return node;
        }

        private Node ParseProduct()
        {
            var node = ParseUnary();
            while (Peek() is '*' or '/')
            {
                var op = text[_position++];
                node = new BinaryNode(op, node, ParseUnary());
            }

            return node;
        }

        private Node ParseUnary()
        {
            if (Peek() == '-')
            {
                _position++;
                return new NegateNode(ParseUnary());
            }

            if (Peek() == '+')
            {
                _position++;
                return ParseUnary();
            }

            return ParseAtom();
        }

        private Node ParseAtom()
        {
            var c = Peek();
            if (c == '(')
            {
                _position++;
                var inner = ParseSum();
                if (Peek() != ')')
                {
                    throw Error("a '(' is not closed");
                }

                _position++;
                return inner;
            }

            if (c is { } digit && (char.IsAsciiDigit(digit) || digit == '.'))
            {
                var start = _position;
                while (_position < text.Length && (char.IsAsciiDigit(text[_position]) || text[_position] == '.'))
                {
                    _position++;
                }

                var number = text[start.._position];
                return decimal.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                    ? new NumberNode(value)
                    : throw Error($"'{number}' is not a number", start);
            }

            if (c is { } letter && (char.IsAsciiLetter(letter) || letter == '_'))
            {
                var start = _position;
                while (_position < text.Length && IsIdChar(text[_position]))
                {
                    _position++;
                }

                var id = text[start.._position];
                Ids.Add(id);
                return new IdNode(id);
            }

            throw c is null ? Error("the formula ends too soon") : Error($"unexpected '{c}'");
        }

        // A '-' continues an id only when a letter or digit follows it directly ("cla-at-end").
        private bool IsIdChar(char c) =>
            char.IsAsciiLetterOrDigit(c) || c == '_'
            || (c == '-' && _position + 1 < text.Length && char.IsAsciiLetterOrDigit(text[_position + 1]) && _position > 0 && char.IsAsciiLetterOrDigit(text[_position - 1]));

        private char? Peek()
        {
            SkipSpaces();
            return _position < text.Length ? text[_position] : null;
        }

        private void SkipSpaces()
        {
            while (_position < text.Length && char.IsWhiteSpace(text[_position]))
            {
                _position++;
            }
        }

        private FormatException Error(string what, int? at = null) =>
            new($"{what} at character {(at ?? _position) + 1} of formula '{text}'");
    }
}
