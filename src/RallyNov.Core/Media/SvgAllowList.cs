namespace RallyNov.Core.Media;

/// <summary>
/// What an SVG may contain once cleaned: the elements and attributes that draw (SVG 1.1 and 2,
/// filters included), nothing that runs, loads or animates. An allowlist, so that an element or
/// attribute a browser learns next year is removed until someone decides it is harmless.
/// </summary>
internal static class SvgAllowList
{
    public const string SvgNamespace = "http://www.w3.org/2000/svg";
    public const string XLinkNamespace = "http://www.w3.org/1999/xlink";
    public const string XhtmlNamespace = "http://www.w3.org/1999/xhtml";

    /// <summary>Elements kept (in the SVG namespace).</summary>
    public static readonly HashSet<string> Elements = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "symbol", "use", "title", "desc", "switch", "a", "style",
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon",
        "text", "tspan", "textPath",
        "linearGradient", "radialGradient", "stop", "pattern", "clipPath", "mask", "marker",
        "filter", "feBlend", "feColorMatrix", "feComponentTransfer", "feComposite", "feConvolveMatrix",
        "feDiffuseLighting", "feDisplacementMap", "feDistantLight", "feDropShadow", "feFlood", "feFuncA",
        "feFuncB", "feFuncG", "feFuncR", "feGaussianBlur", "feImage", "feMerge", "feMergeNode", "feMorphology",
        "feOffset", "fePointLight", "feSpecularLighting", "feSpotLight", "feTile", "feTurbulence",
    };

    /// <summary>Elements that only point at something else: without their (internal) reference they are dropped.</summary>
    public static readonly HashSet<string> ReferenceElements = new(StringComparer.Ordinal) { "use", "feImage", "textPath" };

    /// <summary>Elements that put something on the page; a document without any of them is empty.</summary>
    public static readonly HashSet<string> Drawing = new(StringComparer.Ordinal)
    {
        "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "use",
    };

    /// <summary>
    /// Dropped elements with a name worth telling the uploader (the others are editor metadata:
    /// Inkscape, Illustrator, RDF…). The French wording is singular; counts are added in front.
    /// </summary>
    public static readonly Dictionary<string, (string One, string Many)> Reported = new(StringComparer.Ordinal)
    {
        ["script"] = ("script", "scripts"),
        ["foreignObject"] = ("contenu HTML (foreignObject)", "contenus HTML (foreignObject)"),
        ["iframe"] = ("cadre HTML", "cadres HTML"),
        ["set"] = ("animation", "animations"),
        ["animate"] = ("animation", "animations"),
        ["animateMotion"] = ("animation", "animations"),
        ["animateTransform"] = ("animation", "animations"),
        ["animateColor"] = ("animation", "animations"),
        ["discard"] = ("animation", "animations"),
        ["image"] = ("image intégrée ou externe", "images intégrées ou externes"),
        ["handler"] = ("script", "scripts"),
        ["listener"] = ("script", "scripts"),
    };

    /// <summary>Attributes kept (no namespace), besides href / xlink:href which are checked on their own.</summary>
    public static readonly HashSet<string> Attributes = new(StringComparer.Ordinal)
    {
        // Core and accessibility
        "id", "class", "style", "lang", "role", "aria-label", "aria-labelledby", "aria-describedby", "aria-hidden", "focusable",
        "version", "baseProfile", "viewBox", "preserveAspectRatio", "width", "height", "x", "y", "transform",
        "requiredFeatures", "requiredExtensions", "systemLanguage",
        // Geometry
        "x1", "y1", "x2", "y2", "cx", "cy", "r", "rx", "ry", "d", "points", "pathLength",
        // Painting
        "fill", "fill-opacity", "fill-rule", "stroke", "stroke-width", "stroke-linecap", "stroke-linejoin",
        "stroke-miterlimit", "stroke-dasharray", "stroke-dashoffset", "stroke-opacity", "opacity", "color",
        "color-interpolation", "color-interpolation-filters", "color-rendering", "paint-order", "vector-effect",
        "shape-rendering", "text-rendering", "image-rendering", "mix-blend-mode", "isolation", "display",
        "visibility", "overflow", "clip", "clip-path", "clip-rule", "clipPathUnits", "mask", "maskUnits",
        "maskContentUnits", "mask-type", "filter", "filterUnits", "primitiveUnits", "enable-background",
        "solid-color", "solid-opacity",
        // Text
        "font-family", "font-size", "font-size-adjust", "font-style", "font-weight", "font-variant", "font-stretch",
        "text-anchor", "dominant-baseline", "alignment-baseline", "baseline-shift", "letter-spacing", "word-spacing",
        "text-decoration", "writing-mode", "direction", "unicode-bidi", "dx", "dy", "rotate", "textLength",
        "lengthAdjust", "startOffset", "method", "spacing", "side",
        // Gradients, patterns, markers
        "gradientUnits", "gradientTransform", "spreadMethod", "fx", "fy", "fr", "offset", "stop-color", "stop-opacity",
        "patternUnits", "patternContentUnits", "patternTransform", "markerWidth", "markerHeight", "markerUnits",
        "refX", "refY", "orient", "marker-start", "marker-mid", "marker-end",
        // Filters
        "in", "in2", "result", "stdDeviation", "mode", "type", "values", "operator", "k1", "k2", "k3", "k4",
        "order", "kernelMatrix", "divisor", "bias", "targetX", "targetY", "edgeMode", "kernelUnitLength",
        "preserveAlpha", "surfaceScale", "diffuseConstant", "specularConstant", "specularExponent", "lighting-color",
        "flood-color", "flood-opacity", "azimuth", "elevation", "z", "pointsAtX", "pointsAtY", "pointsAtZ",
        "limitingConeAngle", "scale", "xChannelSelector", "yChannelSelector", "radius", "baseFrequency",
        "numOctaves", "seed", "stitchTiles", "tableValues", "slope", "intercept", "amplitude", "exponent",
        // <style>
        "media",
    };

    /// <summary>Attributes of the xml: namespace kept (xml:base is not: it changes where references point).</summary>
    public static readonly HashSet<string> XmlAttributes = new(StringComparer.Ordinal) { "space", "lang" };
}
