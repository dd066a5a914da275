using Microsoft.AspNetCore.Mvc.ApplicationModels;
using RallyNov.Core.Modules;

namespace RallyNov.Core.Web;

/// <summary>Tags every MVC action with the module owning its assembly, for <see cref="ModuleGateMiddleware"/>.</summary>
internal sealed class ModuleControllerConvention(ModuleCatalog catalog) : IControllerModelConvention
{
    public void Apply(ControllerModel controller)
    {
        var module = catalog.FindByAssembly(controller.ControllerType.Assembly);
        if (module is null)
        {
            return;
        }

        foreach (var action in controller.Actions)
        {
            foreach (var selector in action.Selectors)
            {
                selector.EndpointMetadata.Add(new ModuleEndpointMetadata(module.Id));
            }
        }
    }
}
