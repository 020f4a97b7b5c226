using AnshinMail.Rules.Workflow;
using Microsoft.Extensions.DependencyInjection;

namespace AnshinMail.Rules.Hosting;

/// <summary>Registers the workflow context and every operation (one class per operation) in the request
/// scope.</summary>
public static class WorkflowServices
{
    /// <summary>Registers <see cref="WorkflowContext"/> and every operation as scoped services.</summary>
    public static IServiceCollection AddWorkflow(this IServiceCollection services)
    {
        services.AddScoped(sp => new WorkflowContext(
            sp.GetRequiredService<Storage.AnshinDbContext>(), sp.GetRequiredService<Policy.PolicyEngine>(),
            sp.GetRequiredService<Templates.MessageRenderer>(), sp.GetRequiredService<TimeProvider>(),
            sp.GetService<Delivery.DeliverySignal>())
        {
            Notices = sp.GetService<Workflow.Notices.StaffNoticeMailer>(),
            Drill = sp.GetService<Drill.DrillMode>() ?? Drill.DrillMode.Off,
        });
        foreach (var operation in Operations) services.AddScoped(operation);
        return services;
    }

    /// <summary>Every public class of the workflow that is built over a <see cref="WorkflowContext"/>.</summary>
    public static IEnumerable<Type> Operations =>
        typeof(WorkflowContext).Assembly.GetTypes().Where(t =>
            t is { IsClass: true, IsPublic: true, IsAbstract: false }
            && t.GetConstructors()
                .Any(c => c.GetParameters() is [{ ParameterType: var p }] && p == typeof(WorkflowContext)));
}
