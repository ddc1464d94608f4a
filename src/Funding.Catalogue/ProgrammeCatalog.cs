using System.Reflection;
using System.Text.Json;
using Funding.Contracts.Json;
using Funding.Contracts.Rules;
using Funding.Formatting;
using Funding.Plans;
using Funding.Programmes;
using Funding.Rules;
using Json.Schema;
using NodaTime;

namespace Funding.Catalogue;

/// <summary>
/// The catalogue of programmes ("dispositifs"): one JSON file per programme (<c>Programmes/*.json</c>, embedded), each
/// checked when the catalogue is read — against <c>programme.schema.json</c> (JsonSchema.Net), then for what a schema
/// cannot say: every <c>source</c> declared, dated values that do not overlap, rules and ceilings the engine knows. A
/// problem names the file and the field, and the catalogue is not used.
/// </summary>
internal sealed class ProgrammeCatalog
{
    private static readonly Lazy<ProgrammeCatalog> Embedded = new(() =>
    {
        var assembly = typeof(ProgrammeCatalog).Assembly;
        var files = assembly.GetManifestResourceNames().Where(n => n.StartsWith("Programmes/", StringComparison.Ordinal)).Order(StringComparer.Ordinal)
            .Select(n => (n, Read(assembly, n)));
        var (catalog, problems) = Load(files);
        return problems.Count == 0 ? catalog! : throw new InvalidOperationException("Catalogue des dispositifs invalide :\n" + string.Join("\n", problems));
    });

    /// <summary>programme.schema.json, read once (JsonSchema.Net registers a schema by its $id).</summary>
    private static readonly Lazy<JsonSchema> Schema = new(() => JsonSchema.FromText(Read(typeof(ProgrammeCatalog).Assembly, "programme.schema.json")));

    private readonly IReadOnlyList<ProgrammeFile> _programmes;

    private ProgrammeCatalog(IReadOnlyList<ProgrammeFile> programmes) => _programmes = programmes;

    /// <summary>The built-in catalogue (checked when first used; a test checks it on every run).</summary>
    public static ProgrammeCatalog Default => Embedded.Value;

    /// <summary>The programmes, in the order of their ids.</summary>
    public IReadOnlyList<ProgrammeFile> Programmes => _programmes;

    /// <summary>The programme with that id, or null.</summary>
    public ProgrammeFile? Find(string id) => _programmes.FirstOrDefault(p => p.Id == id);

    /// <summary>Reads and checks programme files: the catalogue, or every problem found (file and field named).</summary>
    /// <param name="files">Each file's name (relative to the catalogue) and content.</param>
    public static (ProgrammeCatalog? Catalog, IReadOnlyList<CatalogueProblem> Problems) Load(IEnumerable<(string Name, string Json)> files)
    {
        var schema = Schema.Value;
        var problems = new List<CatalogueProblem>();
        var programmes = new List<ProgrammeFile>();
        foreach (var (name, json) in files)
        {
            int before = problems.Count;
            JsonDocument document;
            try
            {
                document = JsonDocument.Parse(json);
            }
            catch (JsonException e)
            {
                problems.Add(new(name, "$", $"le fichier n'est pas du JSON valide (ligne {e.LineNumber + 1}) : {e.Message}"));
                continue;
            }
            using (document)
            {
                var results = schema.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
                foreach (var detail in (results.Details ?? []).Where(d => d.Errors is { Count: > 0 }))
                {
                    foreach (var (keyword, message) in detail.Errors!)
                    {
                        problems.Add(new(name, Path(detail.InstanceLocation.ToString()), $"ne respecte pas le schéma ({keyword}) : {message}"));
                    }
                }
                if (problems.Count > before)
                {
                    continue;
                }
                ProgrammeFile? programme;
                try
                {
                    programme = document.RootElement.Deserialize<ProgrammeFile>(CatalogueJson.Options);
                }
                catch (JsonException)
                {
                    // Named as the API names a body's problems: from the structure and the contract, in French (an unknown rule type, a field a rule has not).
                    var bytes = System.Text.Encoding.UTF8.GetBytes(json);
                    problems.AddRange(JsonShape.Check(bytes, typeof(ProgrammeFile), CatalogueJson.Options)
                        .Select(p => new CatalogueProblem(name, p.Path, p.Message.French))
                        .DefaultIfEmpty(new CatalogueProblem(name, "$", "le fichier ne peut pas être lu comme un dispositif")));
                    continue;
                }
                if (programme is not null)
                {
                    Check(name, programme, problems);
                    if (problems.Count == before)
                    {
                        programmes.Add(programme);
                    }
                }
            }
        }
        foreach (var duplicate in programmes.GroupBy(p => p.Id).Where(g => g.Count() > 1))
        {
            problems.Add(new($"Programmes/{duplicate.Key}.json", "id", $"l'identifiant « {duplicate.Key} » est donné par plusieurs fichiers"));
        }
        return problems.Count == 0 ? (new ProgrammeCatalog([.. programmes.OrderBy(p => p.Id, StringComparer.Ordinal)]), problems) : (null, problems);
    }

    /// <summary>What a schema cannot say: sources declared, dates that do not overlap, rules and ceilings the engine knows.</summary>
    private static void Check(string file, ProgrammeFile programme, List<CatalogueProblem> problems)
    {
        void Problem(string path, string message) => problems.Add(new(file, path, message));
        if ($"Programmes/{programme.Id}.json" != file)
        {
            Problem("id", $"l'identifiant « {programme.Id} » doit être le nom du fichier");
        }
        var sources = programme.Sources.Select(s => s.Id).ToHashSet(StringComparer.Ordinal);
        void Dated(IReadOnlyList<IDated>? entries, string path)
        {
            if (entries is null)
            {
                return;
            }
            for (int i = 0; i < entries.Count; i++)
            {
                var entry = entries[i];
                if (!sources.Contains(entry.Source))
                {
                    Problem($"{path}[{i}].source", $"la source « {entry.Source} » n'est pas déclarée dans « sources » : toute valeur est sourcée");
                }
                if (entry.To is { } to && to < entry.From)
                {
                    Problem($"{path}[{i}].to", $"la fin ({to:yyyy-MM-dd}) précède le début ({entry.From:yyyy-MM-dd})");
                }
                for (int j = 0; j < i; j++)
                {
                    var other = entries[j];
                    bool overlap = entry.From <= (other.To ?? LocalDate.MaxIsoValue) && other.From <= (entry.To ?? LocalDate.MaxIsoValue);
                    if (overlap)
                    {
                        Problem($"{path}[{i}].from", $"ces dates chevauchent celles de {path}[{j}] : une valeur à la fois");
                    }
                }
            }
        }
        Dated(programme.Validity, "validity");
        Dated(programme.MaxMonths, "maxMonths");
        Dated(programme.Options, "options");
        foreach (var group in (programme.SharedCeilings ?? []).Select((c, i) => (c, i)).GroupBy(x => x.c.Ceiling.Id))
        {
            // Two ceilings of one id are one ceiling's values over time; two of different ids may stand together.
            Dated([.. group.Select(x => (IDated)x.c)], "sharedCeilings");
        }
        var ids = programme.Funders.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        for (int f = 0; f < programme.Funders.Count; f++)
        {
            var funder = programme.Funders[f];
            Dated([.. funder.Rules], $"funders[{f}].rules");
            for (int r = 0; r < funder.Rules.Count; r++)
            {
                var errors = new RequestErrors();
                if (RuleJson.Read(funder.Rules[r].Rule, $"funders[{f}].rules[{r}].rule", errors) is null || errors.HasErrors)
                {
                    foreach (var error in errors.ToList())
                    {
                        Problem(error.Path, "règle que le moteur ne connaît pas ou refuse : " + error.Message.French);
                    }
                }
            }
            foreach (string agreed in funder.Agreed ?? [])
            {
                if (funder.Rules.All(r => !r.Rule.Json.TryGetProperty(agreed, out _)))
                {
                    Problem($"funders[{f}].agreed", $"le champ convenu « {agreed} » n'est dans aucune règle de ce financeur (la règle donne son maximum)");
                }
            }
        }
        var ceilings = programme.SharedCeilings ?? [];
        for (int c = 0; c < ceilings.Count; c++)
        {
            foreach (string id in ceilings[c].Ceiling.FunderIds.Where(id => !ids.Contains(id)))
            {
                Problem($"sharedCeilings[{c}].ceiling.funderIds", $"« {id} » n'est pas un financeur du dispositif");
            }
            foreach (var condition in new[] { ("when", ceilings[c].When), ("unless", ceilings[c].Unless) })
            {
                if (condition.Item2 is { } id && !ids.Contains(id))
                {
                    Problem($"sharedCeilings[{c}].{condition.Item1}", $"« {id} » n'est pas un financeur du dispositif");
                }
            }
        }
    }

    /// <summary>
    /// The terms a plan that names the programme is checked against: the programme's funders present in the plan with
    /// their rule in force on <paramref name="day"/> (agreed fields taken from the plan's rule), its ceilings that apply,
    /// its applicants, longest period and minimum own share — each with its source.
    /// </summary>
    public static ProgrammeTerms Terms(ProgrammeFile programme, LocalDate day, IReadOnlyList<FunderInput> planFunders)
    {
        var present = planFunders.Select(f => f.Id).ToHashSet(StringComparer.Ordinal);
        var funders = new List<ProgrammeFunderTerms>();
        foreach (var entry in programme.Funders)
        {
            var planned = planFunders.FirstOrDefault(f => f.Id == entry.Id);
            if (planned is null || entry.Rules.On(day) is not { } dated)
            {
                continue;
            }
            var merged = Merge(dated.Rule, entry.Agreed ?? [], planned.Rule.Json);
            var errors = new RequestErrors();
            if (RuleJson.Read(merged, "rule", errors) is { } rule && !errors.HasErrors)
            {
                funders.Add(new ProgrammeFunderTerms(entry.Id, rule, Cite(programme, dated.Source)));
            }
        }
        var options = programme.Options.On(day);
        return new ProgrammeTerms(programme.Id, programme.Name, day)
        {
            Applicants = programme.Applicants,
            ApplicantsSource = Cite(programme, programme.Validity.On(day)?.Source ?? programme.Validity[0].Source),
            MaxMonths = programme.MaxMonths.On(day) is { } months ? new DatedTerm<int>(months.Value, Cite(programme, months.Source)) : null,
            Funders = funders,
            SharedCeilings = [.. (programme.SharedCeilings ?? []).Where(c => c.AppliesOn(day) && c.AppliesTo(present))
                .Select(c => new DatedTerm<SharedCeiling>(Ceiling(c.Ceiling), Cite(programme, c.Source)))],
            MinimumOwnShare = options?.Options.LocalAuthorityMinimumSharePercent is { } minimum
                ? new DatedTerm<Rate>(Rate.Percent(minimum), Cite(programme, options.Source))
                : null,
        };
    }

    /// <summary>The rule of a programme's funder with its agreed fields (a partner's rate) taken from <paramref name="agreedFrom"/> when it has them.</summary>
    public static RuleInput Merge(RuleInput template, IReadOnlyList<string> agreed, JsonElement? agreedFrom)
    {
        if (agreed.Count == 0 || agreedFrom is not { ValueKind: JsonValueKind.Object } source)
        {
            return template;
        }
        var node = System.Text.Json.Nodes.JsonNode.Parse(template.Json.GetRawText())!.AsObject();
        foreach (string field in agreed)
        {
            if (source.TryGetProperty(field, out var value))
            {
                node[field] = System.Text.Json.Nodes.JsonNode.Parse(value.GetRawText());
            }
        }
        return RuleInput.FromJson(JsonSerializer.SerializeToUtf8Bytes(node));
    }

    /// <summary>A source as a plan's check cites it: « title, url (lu le 7 décembre 2026) ».</summary>
    public static string Cite(ProgrammeFile programme, string sourceId) =>
        programme.Sources.FirstOrDefault(s => s.Id == sourceId) is { } source
            ? $"{source.Title}, {source.Url} (lu le {FrenchFormat.Date(source.Read)})"
            : sourceId;

    internal static SharedCeiling Ceiling(SharedCeilingInput c) => new(c.Id, c.Name, c.FunderIds)
    {
        Rate = c.RatePercent is { } rate ? Rate.Percent(rate) : null,
        Amount = c.Amount is { } amount ? Money.Euros(amount) : null,
        Scope = c.Per ?? CapScope.Period,
        Sharing = c.Sharing ?? CeilingSharing.Waterfall,
    };

    private static string Path(string pointer) =>
        string.IsNullOrEmpty(pointer) || pointer == "/" ? "$"
            : string.Join("", pointer.Trim('/').Split('/').Select((segment, i) => int.TryParse(segment, out _) ? $"[{segment}]" : (i == 0 ? segment : "." + segment)));

    private static string Read(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name) ?? throw new InvalidOperationException($"Ressource absente : {name}");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
