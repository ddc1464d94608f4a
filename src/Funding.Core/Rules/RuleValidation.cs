using Funding.Plans;

namespace Funding.Rules;

/// <summary>
/// What a rule's validation sees: its path, the plan and its place in it, and where problems go. Rules check their own
/// fields and their place in the plan (a match's target); the plan's validator checks everything that is not a rule's.
/// </summary>
internal sealed class RuleValidation
{
    private readonly Action<string?, FieldPath, int> _memberId;

    internal RuleValidation(Plan plan, int index, FundingPeriod? period, ValidationErrors errors, Action<string?, FieldPath, int> memberId)
    {
        Plan = plan;
        Index = index;
        Period = period;
        Errors = errors;
        _memberId = memberId;
    }

    /// <summary>The plan.</summary>
    internal Plan Plan { get; }

    /// <summary>The funder's index in the plan.</summary>
    internal int Index { get; }

    /// <summary>The rule's path: <c>funders[i].rule</c> (built when first asked: most validations find nothing to name).</summary>
    internal FieldPath Path => field ??= FieldPath.Of("funders").Item(Index).Field("rule");

    /// <summary>The plan's period, or null when the cost is not valid.</summary>
    internal FundingPeriod? Period { get; }

    /// <summary>Where problems go.</summary>
    internal ValidationErrors Errors { get; }

    /// <summary>Adds a problem on one of the rule's fields.</summary>
    internal void Add(RuleField field, FundingMessage problem) => Errors.Add(Path.Field(field.Name), problem);

    /// <summary>Adds a problem at a path.</summary>
    internal void Add(FieldPath path, FundingMessage problem) => Errors.Add(path, problem);

    /// <summary>An amount that must be zero or more.</summary>
    internal void NonNegative(Money? amount, RuleField field, Subject what)
    {
        if (amount is { IsNegative: true } negative)
        {
            Errors.Add(Path.Field(field.Name), CommonMessages.Negative(what, negative));
        }
    }

    /// <summary>A cap that must not be below the floor.</summary>
    internal void CapNotBelowFloor(Money? cap, Money? floor, RuleField capField)
    {
        if (cap is { } c && floor is { } f && c < f)
        {
            Errors.Add(Path.Field(capField.Name), CommonMessages.CapBelowFloor(c, f));
        }
    }

    /// <summary>A non-empty id of a funder (a match's target).</summary>
    internal bool Id(string? id, RuleField field) => PlanValidator.ValidateId(id, Path.Field(field.Name), Errors);

    /// <summary>A group member's id, unique among every funder and member of the plan.</summary>
    internal void MemberId(string? id, FieldPath members, int index) => _memberId(id, members, index);

    /// <summary>A group member's name.</summary>
    internal bool MemberName(string? name, FieldPath members, int index) => PlanValidator.ValidateMemberName(name, members, index, Errors);

    /// <summary>The index of the funder with this id, or −1.</summary>
    internal int IndexOf(string? id)
    {
        int found = -1;
        for (int j = 0; j < Plan.Funders.Count; j++)
        {
            if (Plan.Funders[j]?.Id == id)
            {
                found = j;
            }
        }
        return found;
    }

    /// <summary>Whether a group of the plan has a member with this id.</summary>
    internal bool IsGroupMember(string? id)
    {
        foreach (var funder in Plan.Funders)
        {
            if (funder?.Rule is { } rule && rule.HasMember(id))
            {
                return true;
            }
        }
        return false;
    }
}
