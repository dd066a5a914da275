using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RallyNov.Core.Media;

// What an SVG costs the media library: cleaning on upload, then drawing the admin list's thumbnail
// (?w=160) and a public srcset width (?w=480) with libvips, once each (variants are cached on disk).
// Usage: dotnet run -c Release --project bench/media/SvgThumbnails -- [folder of .svg files]
var folder = args.Length > 0 ? args[0] : Path.Combine("src", "RallyNov.Cms", "Recipes", "media");
var files = Directory.GetFiles(folder, "*.svg").Order(StringComparer.Ordinal).ToList();
var sanitizer = new ServiceCollection().AddSingleton<ISvgSanitizer>(sp => (ISvgSanitizer)Activator.CreateInstance(
    typeof(ISvgSanitizer).Assembly.GetType("RallyNov.Core.Media.SvgSanitizer")!)!).BuildServiceProvider().GetRequiredService<ISvgSanitizer>();
var work = Directory.CreateTempSubdirectory("svg-bench-");
NetVips.Image.Black(1, 1).Dispose(); // load libvips once, outside the timings

var rows = new List<(string Name, long Bytes, double Clean, double Thumb160, long Png160, double Thumb480, long Png480)>();
foreach (var file in files)
{
    var bytes = File.ReadAllBytes(file);
    var watch = Stopwatch.StartNew();
    var result = sanitizer.Sanitize(bytes);
    var clean = watch.Elapsed.TotalMilliseconds;
    if (!result.Succeeded)
    {
        Console.WriteLine($"{Path.GetFileName(file)}: refused — {result.Error}");
        continue;
    }

    var stored = Path.Combine(work.FullName, Path.GetFileName(file));
    File.WriteAllBytes(stored, result.Svg!);
    var (t160, p160) = Draw(stored, 160);
    var (t480, p480) = Draw(stored, 480);
    rows.Add((Path.GetFileName(file), result.Svg!.LongLength, clean, t160, p160, t480, p480));
}

Console.WriteLine($"{files.Count} SVG from {folder}");
Console.WriteLine("file | SVG bytes | clean ms | draw 160 ms | PNG 160 bytes | draw 480 ms | PNG 480 bytes");
foreach (var r in rows)
{
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.Name} | {r.Bytes} | {r.Clean:0.0} | {r.Thumb160:0.0} | {r.Png160} | {r.Thumb480:0.0} | {r.Png480}"));
}

double Median(IEnumerable<double> values) => values.Order().ElementAt(rows.Count / 2);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"median: SVG {Median(rows.Select(r => (double)r.Bytes)):0} B, clean {Median(rows.Select(r => r.Clean)):0.0} ms, draw 160 {Median(rows.Select(r => r.Thumb160)):0.0} ms ({Median(rows.Select(r => (double)r.Png160)):0} B), draw 480 {Median(rows.Select(r => r.Thumb480)):0.0} ms ({Median(rows.Select(r => (double)r.Png480)):0} B)"));
work.Delete(recursive: true);

static (double Ms, long Bytes) Draw(string svg, int width)
{
    var target = svg + "." + width + ".png";
    var watch = Stopwatch.StartNew();
    using (var image = NetVips.Image.Thumbnail(svg, width, size: NetVips.Enums.Size.Both))
    {
        image.WriteToFile(target, new NetVips.VOption { { "compression", 9 }, { "strip", true } });
    }

    return (watch.Elapsed.TotalMilliseconds, new FileInfo(target).Length);
}
