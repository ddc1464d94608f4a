using Funding.Contracts;
using Funding.Rules;

namespace Funding.Contracts.Mapping;

/// <summary>The rule catalogue as the contract gives it (<c>GET /v1/rules</c>).</summary>
public static class RuleCatalogMapping
{
    /// <summary>Every registered rule type with its descriptor.</summary>
    /// <returns>The catalogue.</returns>
    public static RuleCatalogResponse ToResponse() => new()
    {
        CalculationVersion = CalculationVersion.Current,
        Rules = [.. RuleCatalog.All.Select(t => ToOutput(t.Descriptor))],
    };

    private static RuleTypeOutput ToOutput(RuleDescriptor d) => new()
    {
        Type = d.Type,
        Label = d.Label,
        Help = d.Help,
        IsPromise = d.IsPromise,
        Schema = d.SchemaName,
        Fields = [.. d.Fields.Select(f => new RuleFieldOutput
        {
            Name = f.Name,
            Kind = f.Kind,
            Label = f.Label,
            Help = f.Help,
            Required = f.Required,
            Unit = f.Unit,
            Minimum = f.Minimum,
            Maximum = f.Maximum,
            MaxItems = f.MaxItems,
            Default = f.Default,
            Choices = f.Choices.Count == 0 ? null : [.. f.Choices.Select(c => new RuleChoiceOutput { Value = c.Value, Label = c.Label })],
        })],
        Sweeps = [.. d.Sweeps.Select(s => new RuleSweepOutput { Parameter = s.Parameter, Field = s.Field, Label = s.Label, PerItem = s.PerItem, Requires = s.Requires })],
    };
}
