using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;
using Funding.Contracts.Json;
using Funding.Rules;

namespace Funding.Contracts.Rules;

/// <summary>
/// A rule's fields as its JSON object gave them, by its type's descriptor: numbers as exact decimals at their smallest
/// scale, texts, lists of rates, and the parts that are contracts (a pool, a key, members, amounts by year) as the
/// serializer read them. Read in one pass of the body's reader (<see cref="Read"/>); the rule's mapping takes its
/// fields from here and never looks at the JSON again.
/// </summary>
internal sealed class RuleValues
{
    private readonly object?[] _values;

    private RuleValues(RuleType type, object?[] values)
    {
        Type = type;
        _values = values;
    }

    /// <summary>The rule's type, as its <c>type</c> named it.</summary>
    public RuleType Type { get; }

    /// <summary>The value given for <paramref name="field"/>: null when the object left it out or gave it as null.</summary>
    public object? Get(RuleField field)
    {
        var fields = Type.Descriptor.Fields;
        for (int i = 0; i < fields.Count; i++)
        {
            if (ReferenceEquals(fields[i], field) || string.Equals(fields[i].Name, field.Name, StringComparison.Ordinal))
            {
                return _values[i];
            }
        }
        return null;
    }

    /// <summary>
    /// Reads the rule object the reader is on (its <c>{</c>) and leaves the reader on its <c>}</c>: its UTF-8 text
    /// and its values, or null when its shape is not the one its descriptor declares. The check is the named walk's
    /// (<see cref="Errors.JsonShape"/>, which names every problem once a body is refused), token by token and stopping
    /// at the first problem: a <c>type</c> that is a known rule type, no unknown or repeated field, no null where a
    /// value is required, each field of its kind (a JSON number with at most 28 significant digits, a list of them
    /// within its limit, a text, one of its choices, a part the serializer reads with <paramref name="options"/>), and
    /// every required field. <c>RuleShapeProperties</c> holds both to the same answers.
    /// </summary>
    public static (byte[] Utf8, RuleValues Values)? Read(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }
        var start = reader;
        RuleValues? values;
        try
        {
            values = TypeOf(start) is { } type ? ReadFields(ref reader, type, options) : null;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException or ArgumentException)
        {
            // A part the serializer refuses, or a text that is not UTF-8: a problem the named walk names.
            return null;
        }
        // The object's text is kept for what needs the JSON itself (echoing the rule back, a programme's agreed fields).
        return values is null ? null : (Text(start, ref reader), values);
    }

    /// <summary>The rule type the object's <c>type</c> names, wherever it puts it: a copy of the reader looks ahead (usually one field).</summary>
    private static RuleType? TypeOf(Utf8JsonReader reader)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                reader.Read();
                return reader.TokenType == JsonTokenType.String ? Find(ref reader) : null;
            }
            if (!reader.TrySkip())
            {
                return null;
            }
        }
        return null;
    }

    /// <summary>
    /// The text of the object read from <paramref name="start"/> (on its <c>{</c>) to <paramref name="end"/> (on its
    /// <c>}</c>). A reader over one span — a body's, the serializer's buffer — holds the whole object between the two
    /// braces: its bytes are copied as they are. A reader over a sequence of segments gets the tokens written again.
    /// </summary>
    private static byte[] Text(Utf8JsonReader start, ref Utf8JsonReader end)
    {
        if (start.Position.GetObject() is null && !end.HasValueSequence)
        {
            long length = end.BytesConsumed - start.TokenStartIndex;
            var text = MemoryMarshal.CreateReadOnlySpan(ref MemoryMarshal.GetReference(start.ValueSpan), checked((int)length));
            if (text is [(byte)'{', .., (byte)'}'])
            {
                return text.ToArray();
            }
        }
        return Compact(start);
    }

    private static RuleValues? ReadFields(ref Utf8JsonReader reader, RuleType type, JsonSerializerOptions options)
    {
        var fields = type.Descriptor.Fields;
        var values = new object?[fields.Count];
        Span<bool> seen = fields.Count <= 64 ? stackalloc bool[64] : new bool[fields.Count];
        bool typeSeen = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (reader.ValueTextEquals("type"u8))
            {
                if (typeSeen)
                {
                    return null;
                }
                typeSeen = true;
                // TrySkip, not Skip: a body read from the network is read in blocks, and Skip refuses a reader that is
                // not on the last one even when, as here, the serializer has the whole rule in hand.
                if (!reader.TrySkip())
                {
                    return null;
                }
                continue;
            }
            int index = IndexOf(fields, ref reader);
            if (index < 0 || seen[index])
            {
                return null;
            }
            seen[index] = true;
            var field = fields[index];
            reader.Read();
            if (reader.TokenType == JsonTokenType.Null)
            {
                if (field.Required)
                {
                    return null;
                }
                continue;
            }
            if (!TryReadField(ref reader, field, options, out values[index]))
            {
                return null;
            }
        }
        for (int i = 0; i < fields.Count; i++)
        {
            if (fields[i].Required && !seen[i])
            {
                return null;
            }
        }
        return typeSeen ? new RuleValues(type, values) : null;
    }

    private static int IndexOf(IReadOnlyList<RuleField> fields, ref Utf8JsonReader reader)
    {
        for (int i = 0; i < fields.Count; i++)
        {
            if (reader.ValueTextEquals(fields[i].Name))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool TryReadField(ref Utf8JsonReader reader, RuleField field, JsonSerializerOptions options, out object? value)
    {
        value = null;
        switch (field.Kind)
        {
            case RuleFieldKind.Money or RuleFieldKind.Percent:
                if (!StrictDecimalConverter.TryRead(ref reader, out decimal number))
                {
                    return false;
                }
                value = number;
                return true;
            case RuleFieldKind.PercentList:
                if (reader.TokenType != JsonTokenType.StartArray)
                {
                    return false;
                }
                var numbers = new List<decimal>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    if (!StrictDecimalConverter.TryRead(ref reader, out decimal item))
                    {
                        return false;
                    }
                    numbers.Add(item);
                }
                value = numbers.ToArray();
                return field.MaxItems is not { } max || numbers.Count <= max;
            case RuleFieldKind.FunderId:
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }
                value = reader.GetString();
                return true;
            case RuleFieldKind.Choice:
                if (reader.TokenType != JsonTokenType.String)
                {
                    return false;
                }
                foreach (var choice in field.Choices)
                {
                    if (reader.ValueTextEquals(choice.Value))
                    {
                        value = choice.Value;
                        return true;
                    }
                }
                return false;
            case RuleFieldKind.YearAmounts:
                value = Part<IReadOnlyList<BudgetYearInput?>>(ref reader, options);
                return true;
            case RuleFieldKind.Pool:
                value = Part<PoolInput>(ref reader, options);
                return true;
            case RuleFieldKind.Key:
                value = Part<KeyInput>(ref reader, options);
                return true;
            case RuleFieldKind.Members:
                value = Part<IReadOnlyList<MemberInput?>>(ref reader, options);
                return true;
            default:
                throw new ArgumentOutOfRangeException(nameof(field), field.Kind, "Unknown kind of rule field.");
        }
    }

    /// <summary>
    /// A part read by its contract's converter, from the reader as it is: <c>JsonSerializer.Deserialize(ref reader, …)</c>
    /// would first read the value once more to find its end, which the serializer, holding the whole rule, already knows.
    /// </summary>
    private static T? Part<T>(ref Utf8JsonReader reader, JsonSerializerOptions options)
    {
        int depth = reader.CurrentDepth;
        var part = Converters<T>.For(options).Read(ref reader, typeof(T), options);
        // The converter ends on the part's last token; anything else would be a part read short: refused, never kept.
        return reader.CurrentDepth == depth && reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray
            ? part
            : throw new JsonException("The part was not read to its end.");
    }

    /// <summary>Each options' converter of a part, looked up once (<see cref="JsonSerializerOptions.GetTypeInfo"/> checks the type on every call).</summary>
    private static class Converters<T>
    {
        private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, System.Text.Json.Serialization.JsonConverter<T>> ByOptions = new();

        public static System.Text.Json.Serialization.JsonConverter<T> For(JsonSerializerOptions options) =>
            ByOptions.GetValue(options, static o => (System.Text.Json.Serialization.JsonConverter<T>)o.GetTypeInfo(typeof(T)).Converter);
    }

    /// <summary>
    /// The object the reader is on, written without whitespace (every string and name as its writer escaped it): the
    /// text of a rule read from a sequence of segments, which is rare (a body is read from one span), so not pooled.
    /// </summary>
    private static byte[] Compact(Utf8JsonReader reader)
    {
        int depth = reader.CurrentDepth;
        var text = new ArrayBufferWriter<byte>(1024);
        text.Write("{"u8);
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.EndObject:
                    text.Write("}"u8);
                    if (reader.CurrentDepth == depth)
                    {
                        return text.WrittenSpan.ToArray();
                    }
                    break;
                case JsonTokenType.EndArray:
                    text.Write("]"u8);
                    break;
                case JsonTokenType.PropertyName:
                    Separate(text);
                    Quoted(text, ref reader);
                    text.Write(":"u8);
                    break;
                case JsonTokenType.StartObject:
                    Separate(text);
                    text.Write("{"u8);
                    break;
                case JsonTokenType.StartArray:
                    Separate(text);
                    text.Write("["u8);
                    break;
                case JsonTokenType.String:
                    Separate(text);
                    Quoted(text, ref reader);
                    break;
                default: // a number, true, false or null: its bytes as they are
                    Separate(text);
                    Raw(text, ref reader);
                    break;
            }
        }
        throw new JsonException("The rule's object ended before its closing brace.");
    }

    /// <summary>A comma before a value or a name, unless it opens its object or list, or follows its name.</summary>
    private static void Separate(ArrayBufferWriter<byte> text)
    {
        if (text.WrittenCount > 0 && text.WrittenSpan[^1] is not ((byte)'{' or (byte)'[' or (byte)':'))
        {
            text.Write(","u8);
        }
    }

    private static void Quoted(ArrayBufferWriter<byte> text, ref Utf8JsonReader reader)
    {
        text.Write("\""u8);
        Raw(text, ref reader);
        text.Write("\""u8);
    }

    /// <summary>The token's bytes as its writer wrote them (a string's escapes kept).</summary>
    private static void Raw(ArrayBufferWriter<byte> text, ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            foreach (var segment in reader.ValueSequence)
            {
                text.Write(segment.Span);
            }
        }
        else
        {
            text.Write(reader.ValueSpan);
        }
    }

    private static RuleType? Find(ref Utf8JsonReader reader)
    {
        foreach (var type in RuleCatalog.All)
        {
            if (reader.ValueTextEquals(type.Descriptor.Type))
            {
                return type;
            }
        }
        return null;
    }
}
