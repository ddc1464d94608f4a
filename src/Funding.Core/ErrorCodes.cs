namespace Funding;

/// <summary>
/// The stable codes of every input error Funding reports. A program reacts to the code; a person reads the sentence.
/// docs/errors.md lists them with an example each, and a test keeps the list and this class in step.
/// </summary>
public static class ErrorCodes
{
    // Text and ids

    /// <summary>A required text (a name, an id, a label) is empty or blank.</summary>
    public const string TextEmpty = "text-empty";

    /// <summary>A text is longer than its limit.</summary>
    public const string TextTooLong = "text-too-long";

    /// <summary>A text holds a forbidden character (a control, a bidirectional control, a line separator…).</summary>
    public const string TextForbiddenCharacter = "text-forbidden-character";

    /// <summary>An id holds a character outside A–Z a–z 0–9 - _ . or does not start with a letter or a digit.</summary>
    public const string IdInvalid = "id-invalid";

    /// <summary>A SIREN is not 9 digits, or its Luhn key is wrong.</summary>
    public const string SirenInvalid = "siren-invalid";

    /// <summary>Two funders, members or parties have the same id.</summary>
    public const string IdDuplicate = "id-duplicate";

    // Numbers

    /// <summary>An amount is negative where only zero or more makes sense.</summary>
    public const string AmountNegative = "amount-negative";

    /// <summary>An amount has a fraction of a cent.</summary>
    public const string AmountSubCent = "amount-sub-cent";

    /// <summary>An amount, or a total it leads to, is beyond ±10¹² €.</summary>
    public const string AmountOutOfRange = "amount-out-of-range";

    /// <summary>A percentage is outside 0–100 %.</summary>
    public const string RateOutOfRange = "rate-out-of-range";

    /// <summary>A percentage has more than six decimals.</summary>
    public const string RateTooPrecise = "rate-too-precise";

    /// <summary>A cap is below the floor of the same rule or party.</summary>
    public const string CapBelowFloor = "cap-below-floor";

    /// <summary>The floors of a split add up to more than the amount to split.</summary>
    public const string FloorsExceedAmount = "floors-exceed-amount";

    // Periods and dates

    /// <summary>A duration, a year or a date is outside the supported range.</summary>
    public const string PeriodOutOfRange = "period-out-of-range";

    /// <summary>The budget years of a cost are not consecutive and ascending.</summary>
    public const string YearsNotConsecutive = "years-not-consecutive";

    /// <summary>A start is not the first day of a month of the first budget year.</summary>
    public const string StartNotFirstOfMonth = "start-not-first-of-month";

    /// <summary>A payment date is outside the range that makes sense for the plan, or before what it must follow.</summary>
    public const string DateOutOfRange = "date-out-of-range";

    /// <summary>Installments are not in date order.</summary>
    public const string DatesNotInOrder = "dates-not-in-order";

    /// <summary>A day of the year is not in the MM-DD form.</summary>
    public const string DayInvalid = "day-invalid";

    /// <summary>An advance and its installments add up to more than 100 %.</summary>
    public const string AdvanceOver100 = "advance-over-100";

    // Structure of a plan or an allocation

    /// <summary>Something the input needs is missing: a cost, a funder, a rule, a pool, a key, a member…</summary>
    public const string Missing = "missing";

    /// <summary>A list holds more items than the limit (funders, parties, installments, years, payments…).</summary>
    public const string TooMany = "too-many";

    /// <summary>Two funders pay the remainder.</summary>
    public const string RemainderTwice = "remainder-twice";

    /// <summary>
    /// A shared ceiling is malformed: fewer than two funders, a funder unknown, in two ceilings, not consecutive with the
    /// others, without a rule of its own (a group, the remainder, a fixed promise), or neither a rate nor an amount.
    /// </summary>
    public const string SharedCeilingInvalid = "shared-ceiling-invalid";

    /// <summary>
    /// A sweep's parameter does not fit the plan: its funder is unknown, its rule has no such parameter (a cap on a fixed
    /// amount, a key on a funder that is not a group…), or one of its scenarios makes the plan invalid.
    /// </summary>
    public const string SweepInvalid = "sweep-invalid";

    /// <summary>The carrier named in the options is not a funder of the plan.</summary>
    public const string CarrierUnknown = "carrier-unknown";

    /// <summary>A party has no weight of the name the key needs, or no weight at all.</summary>
    public const string WeightMissing = "weight-missing";

    /// <summary>A weight is negative or beyond the limit.</summary>
    public const string WeightOutOfRange = "weight-out-of-range";

    /// <summary>Every weight of a key (or of a mixed key's component) is zero: nothing can be split.</summary>
    public const string WeightsAllZero = "weights-all-zero";

    /// <summary>A mixed key is malformed: no or too many components, percentages not summing to 100 %, a nested mixed key.</summary>
    public const string MixedKeyInvalid = "mixed-key-invalid";

    /// <summary>A value of a known type that the model cannot represent (a type name the caller's code made up).</summary>
    public const string TypeUnknown = "type-unknown";

    // Reading the JSON body (API)

    /// <summary>The body is not valid JSON.</summary>
    public const string JsonSyntax = "json-syntax";

    /// <summary>The JSON is nested deeper than the API allows.</summary>
    public const string JsonTooDeep = "json-too-deep";

    /// <summary>A string or property name is not text: bytes that are not UTF-8, or an escape giving half a UTF-16 pair.</summary>
    public const string JsonInvalidText = "json-invalid-text";

    /// <summary>The body is empty.</summary>
    public const string BodyEmpty = "body-empty";

    /// <summary>A required field is absent.</summary>
    public const string FieldRequired = "field-required";

    /// <summary>A field the contract does not have.</summary>
    public const string FieldUnknown = "field-unknown";

    /// <summary>The same field is given twice in one object.</summary>
    public const string FieldDuplicate = "field-duplicate";

    /// <summary>A field is null where a value is required.</summary>
    public const string FieldNull = "field-null";

    /// <summary>A value has the wrong JSON type (a string for a number, an object for an array…).</summary>
    public const string ValueWrongType = "value-wrong-type";

    /// <summary>A value is not one of the allowed words (an enum, a discriminator, a format, a query option).</summary>
    public const string ValueNotAllowed = "value-not-allowed";

    /// <summary>A number is too precise or too large to be represented exactly.</summary>
    public const string NumberNotRepresentable = "number-not-representable";

    /// <summary>A date is not in the YYYY-MM-DD form or does not exist.</summary>
    public const string DateInvalid = "date-invalid";

    /// <summary>An imported file cannot be read in the format it was given as.</summary>
    public const string FileUnreadable = "file-unreadable";

    // Requests as a whole (API)

    /// <summary>The request is not valid: see the field errors.</summary>
    public const string InvalidRequest = "invalid-request";

    /// <summary>The body is larger than the limit.</summary>
    public const string BodyTooLarge = "body-too-large";

    /// <summary>The body is not JSON in UTF-8.</summary>
    public const string UnsupportedMediaType = "unsupported-media-type";

    /// <summary>The body arrived too slowly.</summary>
    public const string BodyTooSlow = "body-too-slow";

    /// <summary>The request line or the headers are too long.</summary>
    public const string RequestTooLarge = "request-too-large";

    /// <summary>The answer would exceed the answer budget.</summary>
    public const string AnswerTooLarge = "answer-too-large";

    /// <summary>No such endpoint or resource.</summary>
    public const string NotFound = "not-found";

    /// <summary>The endpoint does not accept that method.</summary>
    public const string MethodNotAllowed = "method-not-allowed";

    /// <summary>The format asked for cannot be produced (Accept header).</summary>
    public const string NotAcceptable = "not-acceptable";

    /// <summary>The request needs an API key (<c>Authorization: Bearer …</c>) and has none, or an unknown or revoked one.</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The caller's key is valid but its role does not allow the action (the problem names the role needed).</summary>
    public const string Forbidden = "forbidden";

    /// <summary>An update names a version (If-Match) that is no longer the latest.</summary>
    public const string VersionConflict = "version-conflict";

    /// <summary>An update does not say which version it amends (no If-Match).</summary>
    public const string IfMatchRequired = "if-match-required";

    /// <summary>A version is signed already: a signature is never replaced.</summary>
    public const string AlreadySigned = "already-signed";

    /// <summary>An archived plan cannot be amended.</summary>
    public const string PlanArchived = "plan-archived";

    /// <summary>An import holds a plan whose id exists already.</summary>
    public const string ImportConflict = "import-conflict";

    /// <summary>An unexpected error, logged on the server.</summary>
    public const string InternalError = "internal-error";

    /// <summary>Every code, for documentation and tests.</summary>
    public static IReadOnlyList<string> All { get; } = typeof(ErrorCodes)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(f => f.IsLiteral)
        .Select(f => (string)f.GetRawConstantValue()!)
        .ToArray();
}
