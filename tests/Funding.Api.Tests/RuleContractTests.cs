using System.Reflection;
using System.Text.Json.Serialization;
using Funding.Contracts;
using Funding.Plans;

namespace Funding.Api.Tests;

/// <summary>
/// Every rule type of the domain has its contract: a <c>RuleInput</c> with the rule's JSON name as discriminator. (Inside
/// Funding.Core and the mapping, rules are visitors, so the compiler refuses a rule that one of them forgets.)
/// </summary>
public class RuleContractTests
{
    [Fact]
    public void EveryDomainRule_HasAContractNamedAsItsType()
    {
        var domainTypes = typeof(ContributionRule).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(ContributionRule)) && !t.IsAbstract)
            .Select(t => ((ContributionRule)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(t)).Type)
            .Order(StringComparer.Ordinal)
            .ToArray();
        var contractTypes = typeof(RuleInput).GetCustomAttributes<JsonDerivedTypeAttribute>()
            .Select(a => (string)a.TypeDiscriminator!)
            .Order(StringComparer.Ordinal)
            .ToArray();

        domainTypes.ShouldBe(["fixedAnnual", "fixedPerYear", "fixedTotal", "keyShare", "match", "rate", "remainder"]);
        contractTypes.ShouldBe(domainTypes);
    }
}
