namespace Approvals.Host.Endpoints.Elsa.Descriptors;

/// <summary>The descriptor endpoints Elsa Studio reads to build its palette and input editors.</summary>
internal static class ElsaDescriptorEndpoints
{
    public static void MapElsaDescriptors(this RouteGroupBuilder elsa)
    {
        ServerInformation.Map(elsa);
        ListActivityDescriptors.Map(elsa);
        ListExpressionDescriptors.Map(elsa);
        ListVariableTypes.Map(elsa);
        GetScriptTypeDefinitions.Map(elsa);
    }
}
