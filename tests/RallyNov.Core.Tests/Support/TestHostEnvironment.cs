using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace RallyNov.Core.Tests.Support;

/// <summary>The smallest IHostEnvironment: only the content root matters to Core.</summary>
public sealed class TestHostEnvironment(string root) : IHostEnvironment
{
    public string EnvironmentName { get; set; } = "Testing";

    public string ApplicationName { get; set; } = "RallyNov.Core.Tests";

    public string ContentRootPath { get; set; } = root;

    public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
}
