using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Funding.Contracts.Json;
using Funding.Contracts.Rules;
using Funding.Rules;
using NodaTime;
using NodaTime.Text;

namespace Funding.Contracts.Errors;

/// <summary>
/// Finds what is wrong with a JSON body that the serializer refused, from structured data only: the body parsed as a
/// <see cref="JsonDocument"/> and walked beside the contract's own metadata (<see cref="JsonTypeInfo"/>: its
/// properties, which are required or nullable, its discriminators, its element types). The runtime's exception text is
/// never read, so the messages are ours, in French and English, and every problem of the body is reported at once,
/// not only the first one the serializer met.
/// </summary>
internal static class JsonShape
{
    /// <summary>At most this many problems are reported, like the domain's validation.</summary>
    public const int MaxProblems = 50;

    /// <summary>The problems of <paramref name="body"/> read as <paramref name="type"/>; empty when the shape is right.</summary>
    public static IReadOnlyList<(string Path, FundingMessage Message)> Check(ReadOnlyMemory<byte> body, Type type, JsonSerializerOptions options)
    {
        var problems = new List<(string, FundingMessage)>();
        if (IsBlank(body.Span))
        {
            problems.Add(("$", new FundingMessage(ErrorCodes.BodyEmpty,
                "Le corps de la requête est vide : envoyez le JSON décrit dans la documentation de l'API.",
                "The request body is empty: send the JSON described in the API documentation.")));
            return problems;
        }
        // Before any string is read: a body that is not text (invalid UTF-8, half a UTF-16 pair), nested too deep or
        // broken off is named at the path of the value where it goes wrong, the reader's position when nothing better is known.
        if (Scan(body.Span) is { } fault)
        {
            problems.Add(fault);
            return problems;
        }
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = ApiLimits.MaxJsonDepth });
        }
        catch (JsonException syntax)
        {
            problems.Add(("$", Syntax(syntax.LineNumber, syntax.BytePositionInLine)));
            return problems;
        }
        using (document)
        {
            var walker = new Walker(options, problems);
            if (document.RootElement.ValueKind == JsonValueKind.Null)
            {
                problems.Add(("$", Null()));
            }
            else
            {
                walker.Walk(document.RootElement, options.GetTypeInfo(type), "");
            }
        }
        return problems;
    }

    /// <summary>The rule types, as an error lists them.</summary>
    private static string RuleTypes => field ??= string.Join(", ", RuleCatalog.All.Select(t => t.Descriptor.Type));

    /// <summary>Each contract's properties by name, built once per metadata (a body walks the same few types again and again).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonTypeInfo, Dictionary<string, JsonPropertyInfo>> Properties = new();

    private static Dictionary<string, JsonPropertyInfo> PropertiesOf(JsonTypeInfo info) =>
        Properties.GetValue(info, static i => i.Properties.ToDictionary(p => p.Name, StringComparer.Ordinal));

    /// <summary>Each enum's names as the contract writes them.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Type, HashSet<string>> EnumNames = new();

    /// <summary>The problems of a rule's JSON object, by its descriptor (paths relative to the rule); empty when its shape is right.</summary>
    public static IReadOnlyList<(string Path, FundingMessage Message)> CheckRule(JsonElement element, JsonSerializerOptions options)
    {
        var problems = new List<(string, FundingMessage)>();
        new Walker(options, problems).WalkRule(element, "");
        return problems;
    }

    private static bool IsBlank(ReadOnlySpan<byte> body)
    {
        foreach (byte b in body)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>
    /// The first fault of a body read token by token, with the path of the value it is in: a break in the JSON, a string
    /// or property name that is not text (invalid UTF-8, or an escape giving half a UTF-16 pair), a value nested deeper
    /// than <see cref="ApiLimits.MaxJsonDepth"/>; null when there is none.
    /// </summary>
    private static (string Path, FundingMessage Message)? Scan(ReadOnlySpan<byte> body)
    {
        // Each open container: its current property name, or its item index.
        var stack = new List<(bool IsArray, int Index, string? Property)>();
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = int.MaxValue });
        string Path()
        {
            var text = new System.Text.StringBuilder();
            foreach (var (isArray, index, property) in stack)
            {
                if (isArray)
                {
                    text.Append('[').Append(index).Append(']');
                }
                else if (property is not null)
                {
                    text.Append(text.Length == 0 ? "" : ".").Append(property);
                }
            }
            return text.Length == 0 ? "$" : text.ToString();
        }
        void NextItem()
        {
            if (stack.Count > 0 && stack[^1].IsArray)
            {
                stack[^1] = (true, stack[^1].Index + 1, null);
            }
        }
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        if (!TryText(ref reader, out string? name))
                        {
                            // The name itself cannot be shown: the problem is the object's.
                            stack[^1] = (false, 0, null);
                            return (Path(), NotText());
                        }
                        stack[^1] = (false, 0, name);
                        break;
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        NextItem();
                        if (stack.Count == ApiLimits.MaxJsonDepth)
                        {
                            // Named by the field that holds the nesting, not by the innermost of its items.
                            return (WithoutTrailingItems(Path()), new FundingMessage(ErrorCodes.JsonTooDeep,
                                $"Le JSON est imbriqué sur plus de {ApiLimits.MaxJsonDepth} niveaux à cet endroit : ce champ n'attend pas tant de tableaux ou d'objets les uns dans les autres.",
                                $"The JSON is nested more than {ApiLimits.MaxJsonDepth} levels deep here: this field does not take so many arrays or objects one inside another."));
                        }
                        stack.Add((reader.TokenType == JsonTokenType.StartArray, -1, null));
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    case JsonTokenType.String:
                        NextItem();
                        if (!TryText(ref reader, out _))
                        {
                            return (Path(), NotText());
                        }
                        break;
                    default:
                        NextItem();
                        break;
                }
            }
        }
        catch (JsonException syntax)
        {
            // In an array, the broken value is the next item.
            NextItem();
            return (Path(), Syntax(syntax.LineNumber, syntax.BytePositionInLine));
        }
        return null;
    }

    /// <summary><c>parties[0].weight[0][0]</c> → <c>parties[0].weight</c>; <c>$</c> when nothing else is left.</summary>
    private static string WithoutTrailingItems(string path)
    {
        string trimmed = path;
        while (trimmed.EndsWith(']') && trimmed.LastIndexOf('[') is var open and > 0)
        {
            trimmed = trimmed[..open];
        }
        return trimmed.Length == 0 || trimmed.StartsWith('[') ? "$" : trimmed;
    }

    /// <summary>The text of a string token, or false when its bytes are not UTF-8 or its escapes give half a UTF-16 pair.</summary>
    private static bool TryText(ref Utf8JsonReader reader, out string? text)
    {
        try
        {
            text = reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            text = null;
            return false;
        }
    }

    private static FundingMessage NotText() => new(ErrorCodes.JsonInvalidText,
        "Ce texte n'est pas lisible : il contient des octets qui ne sont pas de l'UTF-8, ou un échappement \\u qui ne donne qu'une moitié de caractère (une paire \\uD800–\\uDFFF incomplète).",
        "This text cannot be read: it holds bytes that are not UTF-8, or a \\u escape giving only half a character (an incomplete \\uD800–\\uDFFF pair).");

    private static FundingMessage Syntax(long? line, long? position)
    {
        string where = line is { } l && position is { } p ? $" (ligne {l + 1}, position {p + 1})" : "";
        string whereEn = line is { } l2 && position is { } p2 ? $" (line {l2 + 1}, position {p2 + 1})" : "";
        return new FundingMessage(ErrorCodes.JsonSyntax,
            $"Le corps n'est pas du JSON valide{where} : vérifiez les guillemets, les virgules et les accolades à cet endroit.",
            $"The body is not valid JSON{whereEn}: check the quotes, commas and braces there.");
    }

    private static FundingMessage Null() => new(ErrorCodes.FieldNull,
        "Ce champ ne peut pas être null : donnez une valeur ou omettez-le s'il est facultatif.",
        "Must not be null: give a value, or leave the field out if it is optional.");

    /// <summary>
    /// Each options' metadata by type, looked up once: <see cref="JsonSerializerOptions.GetTypeInfo"/> checks the type
    /// again on every call (pointer, by-ref, open generic), which cost more than the rest of a good rule's walk.
    /// </summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, System.Collections.Concurrent.ConcurrentDictionary<Type, JsonTypeInfo>> Infos = new();

    /// <summary>
    /// Walks a JSON value along its contract and names each of its problems, up to <see cref="MaxProblems"/>. A rule's
    /// object is walked by its descriptor (<c>WalkRule</c>): the reading of a rule in a body
    /// (<see cref="Rules.RuleValues.Read"/>) refuses exactly what this walk names (<c>RuleShapeProperties</c>).
    /// </summary>
    private sealed class Walker(JsonSerializerOptions options, List<(string, FundingMessage)> problems)
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<Type, JsonTypeInfo> _infos = Infos.GetValue(options, static _ => new());

        private JsonTypeInfo Info(Type type) => _infos.GetOrAdd(type, static (t, o) => o.GetTypeInfo(t), options);

        private void Add(string path, FundingMessage message)
        {
            if (problems.Count < MaxProblems)
            {
                problems.Add((path.Length == 0 ? "$" : path, message));
            }
        }

        private bool Full => problems.Count >= MaxProblems;

        private static string ItemPath(string path, int index) => $"{path}[{index}]";

        public void Walk(JsonElement element, JsonTypeInfo info, string path)
        {
            if (Full)
            {
                return;
            }
            if (info.Type == typeof(RuleInput))
            {
                WalkRule(element, path);
                return;
            }
            if (info.PolymorphismOptions is { } polymorphism)
            {
                if (Resolve(element, polymorphism, path) is not { } derived)
                {
                    return;
                }
                WalkObject(element, derived, path, polymorphism.TypeDiscriminatorPropertyName);
                return;
            }
            switch (info.Kind)
            {
                case JsonTypeInfoKind.Object:
                    WalkObject(element, info, path, discriminator: null);
                    break;
                case JsonTypeInfoKind.Enumerable:
                    if (element.ValueKind != JsonValueKind.Array)
                    {
                        Add(path, WrongType(element, "une liste (un tableau JSON)", "an array"));
                        return;
                    }
                    var itemInfo = Info(info.ElementType!);
                    int index = 0;
                    foreach (var item in element.EnumerateArray())
                    {
                        // Null items are the endpoint's to report (it names them with the domain's words).
                        if (item.ValueKind != JsonValueKind.Null)
                        {
                            Walk(item, itemInfo, ItemPath(path, index));
                        }
                        else if (info.ElementType!.IsValueType && Nullable.GetUnderlyingType(info.ElementType) is null)
                        {
                            Add(ItemPath(path, index), Null());
                        }
                        index++;
                    }
                    break;
                case JsonTypeInfoKind.Dictionary:
                    if (element.ValueKind != JsonValueKind.Object)
                    {
                        Add(path, WrongType(element, "un objet qui associe des noms à des nombres", "an object mapping names to numbers"));
                        return;
                    }
                    var valueInfo = Info(info.ElementType!);
                    var keys = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var property in element.EnumerateObject())
                    {
                        string propertyPath = Join(path, property.Name);
                        if (!keys.Add(property.Name))
                        {
                            Add(propertyPath, Duplicate(property.Name));
                        }
                        else if (property.Value.ValueKind == JsonValueKind.Null)
                        {
                            Add(propertyPath, Null());
                        }
                        else
                        {
                            Walk(property.Value, valueInfo, propertyPath);
                        }
                    }
                    break;
                default:
                    Value(element, info.Type, path);
                    break;
            }
        }

        /// <summary>The derived contract a discriminated object names, or null (and a problem) when it names none.</summary>
        /// <summary>A rule's object, by its type's descriptor: the discriminator, unknown fields, each field's kind, required fields.</summary>
        public void WalkRule(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(path, WrongType(element, "un objet", "an object"));
                return;
            }
            string expected = RuleTypes;
            if (!element.TryGetProperty("type", out var discriminator))
            {
                Add(Join(path, "type"), new FundingMessage(ErrorCodes.FieldRequired,
                    $"Le champ « type » manque : il vaut l'un de {expected}.",
                    $"The 'type' field is missing: expected one of {expected}."));
                return;
            }
            string? name = discriminator.ValueKind == JsonValueKind.String ? discriminator.GetString() : null;
            if (RuleCatalog.Find(name) is not { } type)
            {
                string shown = name is null ? discriminator.GetRawText() : $"« {Truncate(name)} »";
                Add(Join(path, "type"), new FundingMessage(ErrorCodes.ValueNotAllowed,
                    $"Type inconnu {shown} : il vaut l'un de {expected}.",
                    $"Unknown type {shown}: expected one of {expected}."));
                return;
            }
            var descriptor = type.Descriptor;
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                string propertyPath = Join(path, property.Name);
                if (!seen.Add(property.Name))
                {
                    Add(propertyPath, Duplicate(property.Name));
                    continue;
                }
                if (property.Name == "type")
                {
                    continue;
                }
                if (descriptor.Field(property.Name) is not { } field)
                {
                    Add(propertyPath, new FundingMessage(ErrorCodes.FieldUnknown,
                        $"Champ inconnu « {Truncate(property.Name)} » : vérifiez son orthographe dans la documentation de l'API (la règle « {descriptor.Type} » a les champs {string.Join(", ", descriptor.Fields.Select(f => f.Name))}).",
                        $"Unknown field '{Truncate(property.Name)}': check its spelling against the API documentation (the '{descriptor.Type}' rule has the fields {string.Join(", ", descriptor.Fields.Select(f => f.Name))})."));
                    continue;
                }
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    if (field.Required)
                    {
                        Add(propertyPath, Null());
                    }
                    continue;
                }
                RuleField(field, property.Value, propertyPath);
            }
            foreach (var field in descriptor.Fields)
            {
                if (field.Required && !seen.Contains(field.Name))
                {
                    Add(Join(path, field.Name), new FundingMessage(ErrorCodes.FieldRequired, "Ce champ est obligatoire.", "This field is required."));
                }
            }
        }

        private void RuleField(RuleField field, JsonElement value, string path)
        {
            switch (field.Kind)
            {
                case RuleFieldKind.Money or RuleFieldKind.Percent:
                    Number(value, path);
                    break;
                case RuleFieldKind.PercentList:
                    if (value.ValueKind != JsonValueKind.Array)
                    {
                        Add(path, WrongType(value, "une liste de nombres", "an array of numbers"));
                        return;
                    }
                    int i = 0;
                    foreach (var item in value.EnumerateArray())
                    {
                        Number(item, ItemPath(path, i++));
                    }
                    if (field.MaxItems is { } max && i > max)
                    {
                        Add(path, new FundingMessage(ErrorCodes.TooMany,
                            $"{i} valeurs, au-delà de la limite de {max}.", $"{i} values is beyond the limit of {max}."));
                    }
                    break;
                case RuleFieldKind.FunderId:
                    Value(value, typeof(string), path);
                    break;
                case RuleFieldKind.Choice:
                    string? text = value.ValueKind == JsonValueKind.String ? value.GetString() : null;
                    if (text is null || !field.Choices.Any(c => string.Equals(c.Value, text, StringComparison.Ordinal)))
                    {
                        string[] values = [.. field.Choices.Select(c => c.Value)];
                        string shown = text is null ? value.GetRawText() : $"« {Truncate(text)} »";
                        Add(path, new FundingMessage(ErrorCodes.ValueNotAllowed,
                            $"{shown} n'est pas admis : la valeur est l'une de {string.Join(", ", values)}.",
                            $"{shown} is not allowed: expected one of {string.Join(", ", values)}."));
                    }
                    break;
                case RuleFieldKind.YearAmounts:
                    Part(value, typeof(IReadOnlyList<BudgetYearInput?>), path);
                    break;
                case RuleFieldKind.Pool:
                    Part(value, typeof(PoolInput), path);
                    break;
                case RuleFieldKind.Key:
                    Part(value, typeof(KeyInput), path);
                    break;
                case RuleFieldKind.Members:
                    Part(value, typeof(IReadOnlyList<MemberInput?>), path);
                    break;
            }
        }

        /// <summary>A rule's part that is a contract (a pool, a key, members, amounts by year), walked as its contract.</summary>
        private void Part(JsonElement value, Type type, string path) => Walk(value, Info(type), path);

        private JsonTypeInfo? Resolve(JsonElement element, JsonPolymorphismOptions polymorphism, string path)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(path, WrongType(element, "un objet", "an object"));
                return null;
            }
            string name = polymorphism.TypeDiscriminatorPropertyName;
            var known = polymorphism.DerivedTypes;
            if (!element.TryGetProperty(name, out var discriminator))
            {
                string expected = Expected(known);
                Add(Join(path, name), new FundingMessage(ErrorCodes.FieldRequired,
                    $"Le champ « {name} » manque : il vaut l'un de {expected}.",
                    $"The '{name}' field is missing: expected one of {expected}."));
                return null;
            }
            string? value = discriminator.ValueKind == JsonValueKind.String ? discriminator.GetString() : null;
            var match = known.FirstOrDefault(d => d.TypeDiscriminator is string discriminatorValue && string.Equals(discriminatorValue, value, StringComparison.Ordinal));
            if (match.DerivedType is null)
            {
                string expected = Expected(known);
                string shown = value is null ? discriminator.GetRawText() : $"« {Truncate(value)} »";
                Add(Join(path, name), new FundingMessage(ErrorCodes.ValueNotAllowed,
                    $"Type inconnu {shown} : il vaut l'un de {expected}.",
                    $"Unknown type {shown}: expected one of {expected}."));
                return null;
            }
            return Info(match.DerivedType);
        }

        private void WalkObject(JsonElement element, JsonTypeInfo info, string path, string? discriminator)
        {
            if (element.ValueKind != JsonValueKind.Object)
            {
                Add(path, WrongType(element, "un objet", "an object"));
                return;
            }
            var properties = PropertiesOf(info);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var property in element.EnumerateObject())
            {
                string propertyPath = Join(path, property.Name);
                if (!seen.Add(property.Name))
                {
                    Add(propertyPath, Duplicate(property.Name));
                    continue;
                }
                if (property.Name == discriminator)
                {
                    continue;
                }
                if (!properties.TryGetValue(property.Name, out var contract))
                {
                    Add(propertyPath, new FundingMessage(ErrorCodes.FieldUnknown,
                        $"Champ inconnu « {Truncate(property.Name)} » : vérifiez son orthographe dans la documentation de l'API.",
                        $"Unknown field '{Truncate(property.Name)}': check its spelling against the API documentation."));
                    continue;
                }
                if (property.Value.ValueKind == JsonValueKind.Null)
                {
                    if (!contract.IsSetNullable)
                    {
                        Add(propertyPath, Null());
                    }
                    continue;
                }
                Walk(property.Value, Info(contract.PropertyType), propertyPath);
            }
            foreach (var contract in info.Properties)
            {
                if (contract.IsRequired && !seen.Contains(contract.Name))
                {
                    Add(Join(path, contract.Name), new FundingMessage(ErrorCodes.FieldRequired,
                        "Ce champ est obligatoire.", "This field is required."));
                }
            }
        }

        private void Value(JsonElement element, Type type, string path)
        {
            var underlying = Nullable.GetUnderlyingType(type) ?? type;
            if (underlying == typeof(decimal))
            {
                Number(element, path);
            }
            else if (underlying == typeof(int) || underlying == typeof(long))
            {
                if (element.ValueKind != JsonValueKind.Number || !element.TryGetInt64(out long whole) || (underlying == typeof(int) && whole is < int.MinValue or > int.MaxValue))
                {
                    Add(path, WrongType(element, "un nombre entier", "a whole number"));
                }
            }
            else if (underlying == typeof(bool))
            {
                if (element.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
                {
                    Add(path, WrongType(element, "true ou false", "true or false"));
                }
            }
            else if (underlying == typeof(string))
            {
                if (element.ValueKind != JsonValueKind.String)
                {
                    Add(path, WrongType(element, "une chaîne de caractères", "a string"));
                }
            }
            else if (underlying == typeof(LocalDate))
            {
                if (element.ValueKind != JsonValueKind.String || !LocalDatePattern.Iso.Parse(element.GetString()!).Success)
                {
                    string shown = element.ValueKind == JsonValueKind.String ? $"« {Truncate(element.GetString()!)} »" : element.GetRawText();
                    Add(path, new FundingMessage(ErrorCodes.DateInvalid,
                        $"{shown} n'est pas une date au format AAAA-MM-JJ (par exemple 2022-04-01).",
                        $"{shown} is not a date in the format YYYY-MM-DD (e.g. 2022-04-01)."));
                }
            }
            else if (underlying.IsEnum)
            {
                var names = EnumNames.GetOrAdd(underlying, static t => new HashSet<string>(Enum.GetNames(t).Select(n => JsonNamingPolicy.CamelCase.ConvertName(n)), StringComparer.Ordinal));
                string? value = element.ValueKind == JsonValueKind.String ? element.GetString() : null;
                if (value is null || !names.Contains(value))
                {
                    string shown = value is null ? element.GetRawText() : $"« {Truncate(value)} »";
                    Add(path, new FundingMessage(ErrorCodes.ValueNotAllowed,
                        $"{shown} n'est pas admis : la valeur est l'une de {string.Join(", ", names)}.",
                        $"{shown} is not allowed: expected one of {string.Join(", ", names)}."));
                }
            }
            else
            {
                try
                {
                    _ = element.Deserialize(Info(type));
                }
                catch (JsonException)
                {
                    Add(path, new FundingMessage(ErrorCodes.ValueWrongType,
                        "Cette valeur ne peut pas être lue à cet endroit : voyez le schéma de ce champ dans la documentation de l'API.",
                        "This value cannot be read here: see this field's schema in the API documentation."));
                }
            }
        }

        private void Number(JsonElement element, string path)
        {
            if (element.ValueKind != JsonValueKind.Number)
            {
                string hint = element.ValueKind == JsonValueKind.String
                    ? " : écrivez-le sans guillemets, sans espace ni symbole, avec un point pour les décimales (11593.50, pas « 11 593,50 € »)"
                    : "";
                string hintEn = element.ValueKind == JsonValueKind.String
                    ? ": write it without quotes, spaces or symbols, with a dot for decimals (11593.50, not \"11 593,50 €\")"
                    : "";
                Add(path, new FundingMessage(ErrorCodes.ValueWrongType,
                    $"{Shown(element)} n'est pas un nombre JSON{hint}.",
                    $"{Shown(element)} is not a JSON number{hintEn}."));
                return;
            }
            var utf8 = System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(element);
            if (StrictDecimalConverter.SignificantDigits(utf8) > StrictDecimalConverter.MaxSignificantDigits || !element.TryGetDecimal(out _))
            {
                string raw = element.GetRawText();
                Add(path, new FundingMessage(ErrorCodes.NumberNotRepresentable,
                    $"{Truncate(raw)} ne peut pas être représenté exactement : {StrictDecimalConverter.MaxSignificantDigits} chiffres significatifs au plus, dans les limites des montants.",
                    $"{Truncate(raw)} cannot be represented exactly: at most {StrictDecimalConverter.MaxSignificantDigits} significant digits, within range."));
            }
        }

        private static string Shown(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => $"« {Truncate(element.GetString()!)} »",
            JsonValueKind.Object => "{…}",
            JsonValueKind.Array => "[…]",
            _ => Truncate(element.GetRawText()),
        };

        private static FundingMessage WrongType(JsonElement element, string french, string english) => new(ErrorCodes.ValueWrongType,
            $"{Shown(element)} n'est pas du bon type : la valeur attendue est {french}.",
            $"{Shown(element)} has the wrong type: expected {english}.");

        private static FundingMessage Duplicate(string name) => new(ErrorCodes.FieldDuplicate,
            $"Le champ « {Truncate(name)} » est donné deux fois : donnez chaque champ une seule fois (on ne peut pas deviner lequel était voulu).",
            $"The field '{Truncate(name)}' is given twice: give each field once (which one was meant cannot be guessed).");
    
        private static string Expected(IList<JsonDerivedType> known) => string.Join(", ", known.Where(d => d.TypeDiscriminator is string).Select(d => (string)d.TypeDiscriminator!));
    }

    // Property names are joined with a dot, whatever they hold: "members[0].weights.potentiel fiscal" names the field as a person reads it.
    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
