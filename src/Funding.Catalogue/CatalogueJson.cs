using System.Text.Json;
using System.Text.Json.Serialization;
using Funding.Contracts.Json;

namespace Funding.Catalogue;

/// <summary>The catalogue's JSON: the contract's strict options (unknown fields refused, exact numbers, ISO dates) and the files' own metadata.</summary>
internal static class CatalogueJson
{
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(ApiJson.Options);
        options.TypeInfoResolverChain.Insert(0, CatalogueJsonContext.Default);
        options.MakeReadOnly();
        return options;
    }
}

/// <summary>Source-generated metadata of the programme files.</summary>
[JsonSerializable(typeof(ProgrammeFile))]
internal sealed partial class CatalogueJsonContext : JsonSerializerContext;
