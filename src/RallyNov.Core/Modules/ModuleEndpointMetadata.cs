namespace RallyNov.Core.Modules;

/// <summary>Endpoint metadata naming the module that owns an endpoint.</summary>
public sealed record ModuleEndpointMetadata(string ModuleId);
