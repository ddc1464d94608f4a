using System.Buffers;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using NodaTime;
using NodaTime.Text;

namespace Funding.Contracts.Json;

/// <summary>
/// The API's JSON contract: camelCase, enums as camelCase strings, money read as <see cref="decimal"/> from JSON numbers
/// only (never from strings, never through binary floating point), ISO dates, and strictness everywhere — an unknown
/// field, a null where a value is required, or a number too precise to be represented is an error, not something
/// silently dropped.
/// </summary>
internal static class ApiJson
{
    /// <summary>The contract's options, for reading and writing parts of a body (a rule's pool, key or members).</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    /// <summary>
    /// The options for reading back what the API itself wrote and stored (a signed version's frozen answer): the same
    /// contract, but a number is read as the decimal it was written from, even with the 29 significant digits a decimal
    /// can hold (an explanation's ratio), which the strict reader refuses from clients.
    /// </summary>
    public static JsonSerializerOptions StoredOptions { get; } = CreateStored();

    /// <summary>The contract's metadata of <typeparamref name="T"/>.</summary>
    public static System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> TypeInfo<T>() => Cached<T>.Info;

    /// <summary>Looked up once per type: <see cref="JsonSerializerOptions.GetTypeInfo"/> checks the type again on every call.</summary>
    private static class Cached<T>
    {
        public static readonly System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> Info =
            (System.Text.Json.Serialization.Metadata.JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T));
    }

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    private static JsonSerializerOptions CreateStored()
    {
        var options = new JsonSerializerOptions();
        Configure(options);
        options.Converters.Remove(options.Converters.OfType<StrictDecimalConverter>().Single());
        options.Converters.Add(new StoredDecimalConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DictionaryKeyPolicy = null;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        // {"base": 1, "ratePercent": 50, "base": 207600} is ambiguous: refused, not "the last one wins".
        options.AllowDuplicateProperties = false;
        options.AllowOutOfOrderMetadataProperties = true;
        options.RespectNullableAnnotations = true;
        options.MaxDepth = ApiLimits.MaxJsonDepth;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        // The exact camelCase name only: the runtime's enum converter also reads "STATE" and "region, department"
        // (which it combines bitwise into another kind).
        options.Converters.Add(new StrictEnumConverterFactory());
        options.Converters.Add(new StrictDecimalConverter());
        options.Converters.Add(new IsoLocalDateConverter());
        options.TypeInfoResolverChain.Insert(0, FundingJsonContext.Default);
        options.TypeInfoResolverChain.Insert(0, RequestContractResolver.Instance);
    }
}

/// <summary>
/// The metadata of the contracts a request's body is read into — the records named <c>…Input</c> or <c>…Request</c> —
/// built by reflection instead of taken from <see cref="FundingJsonContext"/>.
/// </summary>
/// <remarks>
/// The source generator reads a record's init-only properties as constructor arguments: each value is boxed into an
/// array made for every object read, and the object is built at its end. Reflection sets each property as it is read.
/// The same contract either way (required and nullable members, unknown and duplicate properties, the converters come
/// from the options); the seed's body is read about 12 % faster (docs/performance.md, issue #28's third round).
/// Answers keep the generated metadata, which writes them faster than reflection does.
/// </remarks>
internal sealed class RequestContractResolver : IJsonTypeInfoResolver
{
    public static RequestContractResolver Instance { get; } = new();

    private readonly DefaultJsonTypeInfoResolver _reflection = new();

    public JsonTypeInfo? GetTypeInfo(Type type, JsonSerializerOptions options) =>
        IsRequestContract(type) ? _reflection.GetTypeInfo(type, options) : null;

    /// <summary>Whether <paramref name="type"/> is a contract read from a request's body.</summary>
    internal static bool IsRequestContract(Type type) =>
        type.Assembly == typeof(RequestContractResolver).Assembly
        && type.Namespace == typeof(PlanRequest).Namespace
        && (type.Name.EndsWith("Input", StringComparison.Ordinal) || type.Name.EndsWith("Request", StringComparison.Ordinal));
}

/// <summary>
/// Enums as their camelCase names, read exactly: a name in another case, a number, or a list of names separated by
/// commas (which the runtime's converter reads, combining flags bitwise) is refused.
/// </summary>
internal sealed class StrictEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(StrictEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>One enum's exact names, both ways (see <see cref="StrictEnumConverterFactory"/>).</summary>
internal sealed class StrictEnumConverter<T> : JsonConverter<T>
    where T : struct, Enum
{
    private static readonly (T Value, string Name, JsonEncodedText Encoded)[] Names = [.. Enum.GetValues<T>().Select(Entry)];

    private static (T Value, string Name, JsonEncodedText Encoded) Entry(T value)
    {
        string name = JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
        return (value, name, JsonEncodedText.Encode(name));
    }

    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            foreach (var (value, _, encoded) in Names)
            {
                if (reader.ValueTextEquals(encoded.EncodedUtf8Bytes))
                {
                    return value;
                }
            }
        }
        throw new JsonException($"Must be one of {string.Join(", ", Names.Select(n => n.Name))}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WriteStringValue(Of(value).Encoded);

    /// <summary>The name the contract writes for <paramref name="value"/>, encoded (for writers that bypass the serializer).</summary>
    public static JsonEncodedText Encoded(T value) => Of(value).Encoded;

    public override T ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Read(ref reader, typeToConvert, options);

    public override void WriteAsPropertyName(Utf8JsonWriter writer, T value, JsonSerializerOptions options) => writer.WritePropertyName(Of(value).Encoded);

    private static (T Value, string Name, JsonEncodedText Encoded) Of(T value)
    {
        foreach (var name in Names)
        {
            if (EqualityComparer<T>.Default.Equals(name.Value, value))
            {
                return name;
            }
        }
        throw new JsonException($"{value} is not a value of {typeof(T).Name}.");
    }
}

/// <summary>Reads back a decimal the API wrote: any JSON number a decimal holds, exactly as it was written.</summary>
internal sealed class StoredDecimalConverter : JsonConverter<decimal>
{
    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDecimal();

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);
}

/// <summary>
/// Reads a JSON number as an exact <see cref="decimal"/>, refusing strings and numbers with more significant digits than
/// a decimal holds (28), which <see cref="decimal"/> parsing would otherwise round silently.
/// </summary>
internal sealed class StrictDecimalConverter : JsonConverter<decimal>
{
    internal const int MaxSignificantDigits = 28;

    public override decimal Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        TryRead(ref reader, out decimal value) ? value
            : throw new JsonException(reader.TokenType != JsonTokenType.Number
                ? "Must be a JSON number (not a string)."
                : $"Has more than {MaxSignificantDigits} significant digits, or is beyond the range of numbers the API accepts.");

    /// <summary>
    /// The number the reader is on, as the contract reads every decimal: a JSON number of at most
    /// <see cref="MaxSignificantDigits"/> significant digits, within range, at its smallest scale; false otherwise.
    /// </summary>
    internal static bool TryRead(ref Utf8JsonReader reader, out decimal value)
    {
        value = 0m;
        if (reader.TokenType != JsonTokenType.Number)
        {
            return false;
        }
        ReadOnlySpan<byte> raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (SignificantDigits(raw) > MaxSignificantDigits || !reader.TryGetDecimal(out value))
        {
            return false;
        }
        value = Canonical(value);
        return true;
    }

    public override void Write(Utf8JsonWriter writer, decimal value, JsonSerializerOptions options) => writer.WriteNumberValue(value);

    /// <summary>
    /// The value at its smallest scale (<c>50.00</c> → <c>50</c>). Every number is read this way, so that nothing the API
    /// computes or echoes depends on how many trailing zeros the client wrote: <c>ratePercent: 50</c> and <c>50.00</c>
    /// give the same bytes. Money is held in cents and always written with two decimals.
    /// </summary>
    internal static decimal Canonical(decimal value) =>
        value.Scale == 0 || LastDigit(value) != 0
            ? value // already at its smallest scale: dividing it, as below, would cost a full decimal division for nothing
            : value / 1.0000000000000000000000000000m; // dividing by one gives the smallest exact scale

    /// <summary>
    /// The last digit of <paramref name="value"/>'s 96-bit integer mantissa: <c>hi·2⁶⁴ + mid·2³² + lo</c> modulo 10,
    /// where 2³² and 2⁶⁴ are both 6 modulo 10.
    /// </summary>
    private static uint LastDigit(decimal value)
    {
        Span<int> bits = stackalloc int[4];
        decimal.GetBits(value, bits);
        return unchecked((uint)bits[2] % 10 * 6 + (uint)bits[1] % 10 * 6 + (uint)bits[0] % 10) % 10;
    }

    internal static int SignificantDigits(ReadOnlySpan<byte> number)
    {
        int exponent = number.IndexOfAny((byte)'e', (byte)'E');
        var mantissa = exponent < 0 ? number : number[..exponent];
        int first = -1, last = -1, dot = mantissa.IndexOf((byte)'.');
        for (int i = 0; i < mantissa.Length; i++)
        {
            if (mantissa[i] is >= (byte)'1' and <= (byte)'9')
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }
        if (first < 0)
        {
            return 0;
        }
        // Trailing zeros of the integer part count (they set the magnitude); those after the decimal point do not.
        int end = dot >= 0 && last > dot ? last : (dot >= 0 ? dot - 1 : mantissa.Length - 1);
        int digits = 0;
        for (int i = first; i <= end; i++)
        {
            if (mantissa[i] != (byte)'.')
            {
                digits++;
            }
        }
        return digits;
    }
}

/// <summary>Dates as ISO <c>YYYY-MM-DD</c> strings (NodaTime <see cref="LocalDate"/>), with a clear error otherwise.</summary>
internal sealed class IsoLocalDateConverter : JsonConverter<LocalDate>
{
    public override LocalDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("Must be a date in the format YYYY-MM-DD, as a string.");
        }
        string text = reader.GetString()!;
        var result = LocalDatePattern.Iso.Parse(text);
        return result.Success
            ? result.Value
            : throw new JsonException($"'{Truncate(text)}' is not a date in the format YYYY-MM-DD.");
    }

    public override void Write(Utf8JsonWriter writer, LocalDate value, JsonSerializerOptions options)
    {
        Span<byte> text = stackalloc byte[MaxUtf8Length];
        writer.WriteStringValue(text[..Utf8(value, text)]);
    }

    /// <summary>A date as the contract writes it, ISO 8601 (<c>2022-04-01</c>): also for writers that bypass the serializer.</summary>
    public static string Text(LocalDate value) => LocalDatePattern.Iso.Format(value);

    /// <summary>The most bytes <see cref="Utf8"/> writes (NodaTime's longest ISO date is <c>-9998-01-01</c>).</summary>
    public const int MaxUtf8Length = 16;

    /// <summary>
    /// Writes <see cref="Text"/>'s bytes into <paramref name="destination"/> (at least <see cref="MaxUtf8Length"/> long) and
    /// returns their length, without a string: years 1 to 9999 digit by digit, the others by NodaTime's pattern.
    /// </summary>
    public static int Utf8(LocalDate value, Span<byte> destination)
    {
        if (value.Year is < 1 or > 9999)
        {
            return System.Text.Encoding.ASCII.GetBytes(Text(value), destination);
        }
        int length = YearAndMonth(value.Year, value.Month, destination);
        destination[length] = (byte)'-';
        Digits(value.Day, destination.Slice(length + 1, 2));
        return length + 3;
    }

    /// <summary>Writes <c>uuuu-MM</c> for a year from 1 to 9999; returns its length.</summary>
    internal static int YearAndMonth(int year, int month, Span<byte> destination)
    {
        Digits(year, destination[..4]);
        destination[4] = (byte)'-';
        Digits(month, destination.Slice(5, 2));
        return 7;
    }

    /// <summary>Writes <paramref name="value"/> with leading zeros over the whole of <paramref name="destination"/>.</summary>
    private static void Digits(int value, Span<byte> destination)
    {
        for (int i = destination.Length - 1; i >= 0; i--)
        {
            destination[i] = (byte)('0' + value % 10);
            value /= 10;
        }
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
