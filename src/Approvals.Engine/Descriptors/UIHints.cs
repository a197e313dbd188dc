namespace Approvals.Engine.Descriptors;

/// <summary>The input editors Elsa Studio knows.</summary>
public static class UIHints
{
    public const string SingleLine = "singleline";
    public const string MultiLine = "multiline";
    public const string Dropdown = "dropdown";
    public const string Checkbox = "checkbox";
    public const string CheckList = "checklist";
    public const string RadioList = "radiolist";
    public const string MultiText = "multitext";
    public const string CodeEditor = "code-editor";
    public const string JsonEditor = "json-editor";
    public const string Dictionary = "dictionary";
    public const string DateTimePicker = "datetime-picker";
    public const string VariablePicker = "variable-picker";
    public const string OutcomePicker = "outcome-picker";
    public const string DynamicOutcomes = "dynamic-outcomes";
    public const string FlowSwitchEditor = "flow-switch-editor";
}
