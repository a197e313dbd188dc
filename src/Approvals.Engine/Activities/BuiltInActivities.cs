using Approvals.Engine.Descriptors;

namespace Approvals.Engine.Activities;

/// <summary>The Elsa activities this engine implements.</summary>
public static class BuiltInActivities
{
    public static ActivityRegistry AddBuiltIns(this ActivityRegistry registry) => registry
        .Register<Flowchart>()
        .Register<Sequence>()
        .Register<Start>()
        .Register<End>()
        .Register<Finish>()
        .Register<Fault>()
        .Register<WriteLine>()
        .Register<SetVariable>()
        .Register<FlowDecision>()
        .Register<FlowSwitch>()
        .Register<FlowFork>()
        .Register<FlowJoin>()
        .Register<Delay>()
        .Register<Timer>()
        .Register<Event>()
        .Register<PublishEvent>()
        .Register<RunTask>()
        .Register<SendEmail>()
        .Register<Cron>()
        .Register<StartAt>()
        .Register<SetOutput>()
        .Register<Complete>()
        .Register<SetName>()
        .Register<Correlate>()
        .Register<RunJavaScript>()
        .Register<ExecuteWorkflow>()
        .Register<DispatchWorkflow>()
        .Register<WorkflowDefinitionActivity>()
        .Register<FlowNode>()
        .Register<ParallelForEach>()
        .Register<ForEach>()
        .Register<ClearTimer>()
        .Register<Http.HttpEndpoint>()
        .Register<Http.WriteHttpResponse>()
        .Register<Http.SendHttpRequest>()
        .Register<Http.FlowSendHttpRequest>();
}
