using RightToManage.Notifications.Activities;
using RightToManage.Notifications.Composition;
using RightToManage.Notifications.Templates;
using RightToManage.Workflows.Activities;
using RightToManage.Workflows.Validation;

namespace RightToManage.Notifications.Tests.Definitions;

/// <summary>The shipped definitions validate with the activities and templates the server runs them with.</summary>
public class ShippedDefinitionsTests
{
    [Fact]
    public void Every_shipped_definition_is_valid_with_its_templates()
    {
        var root = Repository.Root;
        var templates = TemplateCatalog.Load(Path.Combine(root, "workflow-definitions", "templates"), out var templateErrors);
        templateErrors.Should().BeEmpty();
        var services = new Services(templates, [new NotificationDefinitionCheck(templates)]);
        var validator = new DefinitionValidator(ActivityRegistry.BuiltIn.With(typeof(SendNotification)).WithServices(services));

        var files = Directory.GetFiles(Path.Combine(root, "workflow-definitions"), "*.json").Where(f => !f.EndsWith(".schema.json")).ToList();
        files.Should().NotBeEmpty();
        foreach (var file in files)
            validator.Validate(File.ReadAllText(file), out _).Should().BeEmpty($"{file} should be valid");
    }

    private sealed class Services(TemplateCatalog templates, IEnumerable<IDefinitionCheck> checks) : IServiceProvider
    {
        public object? GetService(Type serviceType) =>
            serviceType == typeof(TemplateCatalog) ? templates
            : serviceType == typeof(IEnumerable<IDefinitionCheck>) ? checks
            : null;
    }
}
