#!/usr/bin/env python3
"""Draws every picture the sample sites ship, as SVG, from code: nothing is downloaded or copied.

Writes
  * the theme's fallback pictures (src/Themes/RallyNov.Theme/wwwroot/img/fallback/*.svg): one per
    thème, per event kind and per content type, shown for items that have no image of their own;
    and the default site icon (img/icon.svg);
  * the sample content's pictures (src/RallyNov.Cms/Recipes/media/*.svg): one per initiative, event,
    laureate and news item (its thème or kind, its département's outline), each site's logo and its
    home illustration; the recipes' "media" step renders them into each site's media library;
  * the recipes themselves: their "media" step and the Image fields pointing at those files.

Run it again after changing the recipes' items: `python3 tools/illustrations/generate.py`.
"""
import json, math, os, random, re

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
THEME_IMG = os.path.join(ROOT, "src/Themes/RallyNov.Theme/wwwroot/img")
RECIPES = os.path.join(ROOT, "src/RallyNov.Cms/Recipes")
MEDIA = os.path.join(RECIPES, "media")

# Colours per thème / kind: deep tone for the background, light tone for shapes.
THEMES = {
    "emploi-et-inclusion": ("#1f5f8b", "#9fd3f5", "briefcase"),
    "conditions-de-travail": ("#7b3f00", "#f7c98b", "gear"),
    "organisation-du-travail": ("#4b2a7b", "#cdb6f2", "calendar4"),
    "mobilite": ("#0f5e5a", "#93e0d6", "car"),
    "alimentation-circuits-courts": ("#3e6b1f", "#c6e79b", "basket"),
    "sante-et-aidants": ("#8c1d3b", "#f7b3c6", "heart"),
    "handicap": ("#1d4e89", "#b6d0f2", "hands"),
    "solidarite": ("#a0401a", "#ffc9a8", "hands"),
    "environnement": ("#2c6e49", "#a8e6bf", "leaf"),
    "gouvernance-dialogue-social": ("#5a3d8a", "#d9c7f5", "bubbles"),
    "competences": ("#8a5a00", "#f5d58b", "star"),
}
KINDS = {
    "rencontre-regionale": ("#14426b", "#a6cdf0", "people"),
    "rencontre": ("#1c5d6e", "#a3dde9", "people"),
    "seminaire": ("#4b2a7b", "#cdb6f2", "bubbles"),
    "atelier": ("#8a3b12", "#ffc9a8", "bulb"),
    "salon": ("#0f5e5a", "#93e0d6", "tent"),
    "remise-de-prix": ("#7a5300", "#f5d58b", "trophy"),
    "tournee": ("#2c6e49", "#a8e6bf", "route"),
    "reunion-partenaires": ("#5b2340", "#f2b8d2", "hands"),
}
TYPES = {
    "initiative": ("#1f4e79", "#b9d6f2", "bulb"),
    "event": ("#14426b", "#a6cdf0", "calendar"),
    "laureate": ("#7a5300", "#f5d58b", "trophy"),
    "news": ("#3a3f4b", "#d5dae3", "paper"),
    "page": ("#1f4e79", "#b9d6f2", "paper"),
    "partner": ("#3a3f4b", "#d5dae3", "hands"),
    "default": ("#1f4e79", "#b9d6f2", "bulb"),
}
# Each site's colours (also written into its "site" settings).
SITES = {
    "portal": {"primary": "#1d4f91", "accent": "#b3400f", "deps": ["21", "58", "71", "89", "25", "39", "70", "90"]},
    "bourgogne": {"primary": "#7b1e3a", "accent": "#9a5b00", "deps": ["21", "58", "71", "89"]},
    "franche-comte": {"primary": "#155e4b", "accent": "#b1410b", "deps": ["25", "39", "70", "90"]},
}

# Outlines of the départements (longitude, latitude), the same simplified shapes as the site's map.
OUTLINES = {}
src = open(os.path.join(ROOT, "src/Modules/RallyNov.Initiatives/Models/DepartementMap.cs"), encoding="utf-8").read()
for code, points in re.findall(r'\["(\d+)"\] = \[(.*?)\],', src):
    OUTLINES[code] = [tuple(map(float, p)) for p in re.findall(r"\(([\d.]+), ([\d.]+)\)", points)]


def dep_path(codes, box):
    """SVG path of the given départements fitted into box = (x, y, w, h)."""
    pts = [p for c in codes for p in OUTLINES[c]]
    lon0, lon1 = min(p[0] for p in pts), max(p[0] for p in pts)
    lat0, lat1 = min(p[1] for p in pts), max(p[1] for p in pts)
    sx = 1.0 / 0.68  # longitude degrees are shorter at 47° N
    w, h = (lon1 - lon0) * 1.0, (lat1 - lat0) * sx
    scale = min(box[2] / w, box[3] / h)
    ox = box[0] + (box[2] - w * scale) / 2
    oy = box[1] + (box[3] - h * scale) / 2
    paths = {}
    for c in codes:
        d = " ".join(("M" if i == 0 else "L") + f"{ox + (lon - lon0) * scale:.1f},{oy + (lat1 - lat) * sx * scale:.1f}" for i, (lon, lat) in enumerate(OUTLINES[c]))
        paths[c] = d + " Z"
    return paths


def icon(name, cx, cy, r, fg, bg):
    """A pictogram centred on (cx, cy), about 2r wide, in colour fg (bg for cut-outs)."""
    s = r / 100.0
    def t(x, y):
        return f"{cx + x * s:.1f},{cy + y * s:.1f}"
    sw = f'stroke="{fg}" stroke-width="{12 * s:.1f}" stroke-linecap="round" stroke-linejoin="round" fill="none"'
    if name == "briefcase":
        return (f'<rect x="{cx - 80 * s:.1f}" y="{cy - 45 * s:.1f}" width="{160 * s:.1f}" height="{110 * s:.1f}" rx="{16 * s:.1f}" fill="{fg}"/>'
                f'<path d="M{t(-30, -45)} L{t(-30, -70)} L{t(30, -70)} L{t(30, -45)}" {sw}/>'
                f'<rect x="{cx - 80 * s:.1f}" y="{cy - 5 * s:.1f}" width="{160 * s:.1f}" height="{10 * s:.1f}" fill="{bg}"/>')
    if name == "gear":
        teeth = "".join(f'<rect x="{cx - 14 * s:.1f}" y="{cy - 95 * s:.1f}" width="{28 * s:.1f}" height="{40 * s:.1f}" rx="{6 * s:.1f}" fill="{fg}" transform="rotate({a} {cx:.1f} {cy:.1f})"/>' for a in range(0, 360, 45))
        return teeth + f'<circle cx="{cx:.1f}" cy="{cy:.1f}" r="{68 * s:.1f}" fill="{fg}"/><path d="M{t(0, 30)} C{t(-45, 0)} {t(-30, -35)} {t(0, -12)} C{t(30, -35)} {t(45, 0)} {t(0, 30)} Z" fill="{bg}"/>'
    if name in ("calendar", "calendar4"):
        out = (f'<rect x="{cx - 85 * s:.1f}" y="{cy - 70 * s:.1f}" width="{170 * s:.1f}" height="{150 * s:.1f}" rx="{18 * s:.1f}" fill="{fg}"/>'
               f'<rect x="{cx - 85 * s:.1f}" y="{cy - 70 * s:.1f}" width="{170 * s:.1f}" height="{38 * s:.1f}" rx="{18 * s:.1f}" fill="{bg}" opacity=".45"/>'
               f'<path d="M{t(-45, -88)} L{t(-45, -55)} M{t(45, -88)} L{t(45, -55)}" {sw}/>')
        for row in range(3):
            for col in range(5):
                on = name == "calendar" or col < 4
                out += f'<rect x="{cx + (-70 + col * 29) * s:.1f}" y="{cy + (-18 + row * 30) * s:.1f}" width="{20 * s:.1f}" height="{20 * s:.1f}" rx="{4 * s:.1f}" fill="{bg}" opacity="{1 if on else .3}"/>'
        return out
    if name == "car":
        return (f'<path d="M{t(-95, 30)} L{t(-95, -5)} L{t(-60, -15)} L{t(-35, -55)} L{t(40, -55)} L{t(70, -15)} L{t(95, -5)} L{t(95, 30)} Z" fill="{fg}"/>'
                f'<path d="M{t(-25, -42)} L{t(-5, -42)} L{t(-5, -17)} L{t(-45, -17)} Z M{t(8, -42)} L{t(35, -42)} L{t(55, -17)} L{t(8, -17)} Z" fill="{bg}"/>'
                f'<circle cx="{cx - 55 * s:.1f}" cy="{cy + 32 * s:.1f}" r="{24 * s:.1f}" fill="{bg}"/><circle cx="{cx - 55 * s:.1f}" cy="{cy + 32 * s:.1f}" r="{15 * s:.1f}" fill="{fg}"/>'
                f'<circle cx="{cx + 55 * s:.1f}" cy="{cy + 32 * s:.1f}" r="{24 * s:.1f}" fill="{bg}"/><circle cx="{cx + 55 * s:.1f}" cy="{cy + 32 * s:.1f}" r="{15 * s:.1f}" fill="{fg}"/>')
    if name == "basket":
        return (f'<path d="M{t(-90, -15)} L{t(90, -15)} L{t(70, 75)} L{t(-70, 75)} Z" fill="{fg}"/>'
                f'<path d="M{t(-55, -15)} C{t(-55, -85)} {t(55, -85)} {t(55, -15)}" {sw}/>'
                f'<path d="M{t(-45, 5)} L{t(-38, 60)} M{t(0, 5)} L{t(0, 60)} M{t(45, 5)} L{t(38, 60)}" stroke="{bg}" stroke-width="{9 * s:.1f}" stroke-linecap="round"/>'
                f'<path d="M{t(20, -40)} C{t(40, -95)} {t(95, -90)} {t(95, -90)} C{t(90, -40)} {t(55, -30)} {t(20, -40)} Z" fill="{fg}"/>')
    if name == "heart":
        return f'<path d="M{t(0, 80)} C{t(-110, 5)} {t(-95, -85)} {t(-40, -80)} C{t(-15, -78)} {t(0, -55)} {t(0, -45)} C{t(0, -55)} {t(15, -78)} {t(40, -80)} C{t(95, -85)} {t(110, 5)} {t(0, 80)} Z" fill="{fg}"/><path d="M{t(-40, -5)} L{t(-15, -5)} L{t(-3, -30)} L{t(12, 25)} L{t(25, -5)} L{t(45, -5)}" stroke="{bg}" stroke-width="{10 * s:.1f}" fill="none" stroke-linecap="round" stroke-linejoin="round"/>'
    if name == "hands":
        return (f'<circle cx="{cx - 42 * s:.1f}" cy="{cy - 45 * s:.1f}" r="{26 * s:.1f}" fill="{fg}"/><circle cx="{cx + 42 * s:.1f}" cy="{cy - 45 * s:.1f}" r="{26 * s:.1f}" fill="{fg}"/>'
                f'<path d="M{t(-95, 80)} C{t(-95, 0)} {t(-70, -10)} {t(-42, -10)} C{t(-20, -10)} {t(-5, 0)} {t(0, 15)} C{t(5, 0)} {t(20, -10)} {t(42, -10)} C{t(70, -10)} {t(95, 0)} {t(95, 80)} Z" fill="{fg}"/>'
                f'<path d="M{t(-30, 35)} C{t(-10, 55)} {t(10, 55)} {t(30, 35)}" stroke="{bg}" stroke-width="{9 * s:.1f}" fill="none" stroke-linecap="round"/>')
    if name == "leaf":
        return (f'<path d="M{t(-80, 80)} C{t(-90, -40)} {t(-10, -95)} {t(90, -90)} C{t(95, 10)} {t(40, 90)} {t(-80, 80)} Z" fill="{fg}"/>'
                f'<path d="M{t(-70, 70)} C{t(-20, 20)} {t(20, -20)} {t(70, -70)}" stroke="{bg}" stroke-width="{9 * s:.1f}" fill="none" stroke-linecap="round"/>')
    if name == "bubbles":
        return (f'<path d="M{t(-90, -70)} L{t(30, -70)} Q{t(45, -70)} {t(45, -55)} L{t(45, 0)} Q{t(45, 15)} {t(30, 15)} L{t(-40, 15)} L{t(-70, 40)} L{t(-65, 15)} L{t(-90, 15)} Q{t(-105, 15)} {t(-105, 0)} L{t(-105, -55)} Q{t(-105, -70)} {t(-90, -70)} Z" fill="{fg}"/>'
                f'<path d="M{t(0, 30)} L{t(90, 30)} Q{t(105, 30)} {t(105, 45)} L{t(105, 85)} Q{t(105, 100)} {t(90, 100)} L{t(75, 100)} L{t(80, 120)} L{t(55, 100)} L{t(0, 100)} Q{t(-15, 100)} {t(-15, 85)} L{t(-15, 45)} Q{t(-15, 30)} {t(0, 30)} Z" fill="{fg}" opacity=".75"/>')
    if name == "star":
        pts = " ".join(t(math.cos(math.radians(-90 + i * 36)) * (95 if i % 2 == 0 else 42), math.sin(math.radians(-90 + i * 36)) * (95 if i % 2 == 0 else 42)) for i in range(10))
        return f'<polygon points="{pts}" fill="{fg}"/>'
    if name == "bulb":
        return (f'<path d="M{t(-35, 40)} C{t(-35, 10)} {t(-70, -5)} {t(-70, -40)} C{t(-70, -80)} {t(-38, -100)} {t(0, -100)} C{t(38, -100)} {t(70, -80)} {t(70, -40)} C{t(70, -5)} {t(35, 10)} {t(35, 40)} Z" fill="{fg}"/>'
                f'<rect x="{cx - 35 * s:.1f}" y="{cy + 50 * s:.1f}" width="{70 * s:.1f}" height="{14 * s:.1f}" rx="{7 * s:.1f}" fill="{fg}"/><rect x="{cx - 25 * s:.1f}" y="{cy + 72 * s:.1f}" width="{50 * s:.1f}" height="{14 * s:.1f}" rx="{7 * s:.1f}" fill="{fg}"/>'
                f'<path d="M{t(-15, 30)} L{t(-15, -10)} L{t(0, 5)} L{t(15, -10)} L{t(15, 30)}" stroke="{bg}" stroke-width="{8 * s:.1f}" fill="none" stroke-linejoin="round"/>')
    if name == "people":
        out = ""
        for dx, k in ((-70, .8), (70, .8), (0, 1)):
            out += f'<circle cx="{cx + dx * s:.1f}" cy="{cy - 40 * k * s:.1f}" r="{28 * k * s:.1f}" fill="{fg}" opacity="{1 if k == 1 else .7}"/>'
            out += f'<path d="M{t(dx - 50 * k, 80)} C{t(dx - 50 * k, 10)} {t(dx + 50 * k, 10)} {t(dx + 50 * k, 80)} Z" fill="{fg}" opacity="{1 if k == 1 else .7}"/>'
        return out
    if name == "tent":
        return (f'<path d="M{t(-100, 75)} L{t(0, -85)} L{t(100, 75)} Z" fill="{fg}"/><path d="M{t(-25, 75)} L{t(0, 20)} L{t(25, 75)} Z" fill="{bg}"/>'
                f'<path d="M{t(0, -85)} L{t(0, -110)} L{t(35, -100)} L{t(0, -92)}" fill="{fg}" stroke="{fg}" stroke-width="{5 * s:.1f}"/>')
    if name == "trophy":
        return (f'<path d="M{t(-55, -85)} L{t(55, -85)} L{t(50, -10)} C{t(45, 20)} {t(20, 30)} {t(0, 30)} C{t(-20, 30)} {t(-45, 20)} {t(-50, -10)} Z" fill="{fg}"/>'
                f'<path d="M{t(-55, -70)} C{t(-100, -70)} {t(-100, -10)} {t(-45, -5)} M{t(55, -70)} C{t(100, -70)} {t(100, -10)} {t(45, -5)}" {sw}/>'
                f'<rect x="{cx - 10 * s:.1f}" y="{cy + 28 * s:.1f}" width="{20 * s:.1f}" height="{30 * s:.1f}" fill="{fg}"/><rect x="{cx - 45 * s:.1f}" y="{cy + 58 * s:.1f}" width="{90 * s:.1f}" height="{22 * s:.1f}" rx="{6 * s:.1f}" fill="{fg}"/>'
                f'<polygon points="{t(0, -68)} {t(9, -48)} {t(30, -46)} {t(14, -32)} {t(19, -11)} {t(0, -22)} {t(-19, -11)} {t(-14, -32)} {t(-30, -46)} {t(-9, -48)}" fill="{bg}"/>')
    if name == "route":
        return (f'<path d="M{t(-80, 80)} C{t(-80, 20)} {t(60, 40)} {t(50, -20)} C{t(40, -70)} {t(-40, -50)} {t(-40, -90)}" {sw} stroke-dasharray="{1 * s:.1f} {26 * s:.1f}"/>'
                f'<path d="M{t(50, -70)} C{t(50, -105)} {t(95, -105)} {t(95, -70)} C{t(95, -45)} {t(72, -30)} {t(72, -15)} C{t(72, -30)} {t(50, -45)} {t(50, -70)} Z" fill="{fg}"/><circle cx="{cx + 72 * s:.1f}" cy="{cy - 72 * s:.1f}" r="{10 * s:.1f}" fill="{bg}"/>'
                f'<circle cx="{cx - 80 * s:.1f}" cy="{cy + 80 * s:.1f}" r="{16 * s:.1f}" fill="{fg}"/>')
    if name == "paper":
        return (f'<rect x="{cx - 80 * s:.1f}" y="{cy - 85 * s:.1f}" width="{160 * s:.1f}" height="{170 * s:.1f}" rx="{12 * s:.1f}" fill="{fg}"/>'
                f'<rect x="{cx - 58 * s:.1f}" y="{cy - 62 * s:.1f}" width="{116 * s:.1f}" height="{26 * s:.1f}" rx="{4 * s:.1f}" fill="{bg}"/>'
                + "".join(f'<rect x="{cx - 58 * s:.1f}" y="{cy + (-22 + i * 22) * s:.1f}" width="{(116 if i % 2 == 0 else 80) * s:.1f}" height="{9 * s:.1f}" rx="{4 * s:.1f}" fill="{bg}" opacity=".8"/>' for i in range(5)))
    raise ValueError(name)


def pattern(seed, w, h, light):
    """Soft circles and dots, different for each picture."""
    rnd = random.Random(seed)
    out = ""
    for _ in range(5):
        r = rnd.uniform(h * .12, h * .45)
        out += f'<circle cx="{rnd.uniform(0, w):.0f}" cy="{rnd.uniform(0, h):.0f}" r="{r:.0f}" fill="{light}" opacity="{rnd.uniform(.06, .14):.2f}"/>'
    for i in range(7):
        for j in range(4):
            out += f'<circle cx="{w * .06 + i * 34:.0f}" cy="{h * .1 + j * 34:.0f}" r="5" fill="{light}" opacity=".25"/>'
    return out


def picture(seed, deep, light, pict, deps=None, w=1600, h=900):
    """A 16:9 illustration: gradient, pattern, the pictogram in a disc, the départements' outline."""
    gid = "g" + re.sub(r"[^a-z0-9]", "", seed)[:20]
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">',
             f'<defs><linearGradient id="{gid}" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="{deep}"/><stop offset="1" stop-color="{mix(deep, "#000000", .35)}"/></linearGradient></defs>',
             f'<rect width="{w}" height="{h}" fill="url(#{gid})"/>', pattern(seed, w, h, light)]
    cx = w * (.34 if deps else .5)
    parts.append(f'<circle cx="{cx:.0f}" cy="{h / 2:.0f}" r="{h * .32:.0f}" fill="{light}"/>')
    parts.append(icon(pict, cx, h / 2, h * .2, deep, light))
    if deps:
        all_codes = [c for c in OUTLINES]
        region = [c for c in all_codes if (c in ("21", "58", "71", "89")) == (deps[0] in ("21", "58", "71", "89"))]
        paths = dep_path(region, (w * .6, h * .14, w * .34, h * .72))
        for code, d in paths.items():
            on = code in deps
            parts.append(f'<path d="{d}" fill="{light if on else "#ffffff"}" fill-opacity="{1 if on else .12}" stroke="{light}" stroke-opacity=".6" stroke-width="4" stroke-linejoin="round"/>')
    parts.append("</svg>")
    return "".join(parts)


def mix(a, b, k):
    ca = [int(a[i:i + 2], 16) for i in (1, 3, 5)]
    cb = [int(b[i:i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(x + (y - x) * k):02x}" for x, y in zip(ca, cb))


def logo(primary, accent):
    """The network's mark: a rounded square, a bold "r" whose stem sprouts a leaf, the accent's spark."""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 240 240" width="240" height="240">'
            f'<rect width="240" height="240" rx="52" fill="{primary}"/>'
            f'<path d="M78 182 L78 92 Q78 70 100 70 L108 70" stroke="#ffffff" stroke-width="30" stroke-linecap="round" fill="none"/>'
            f'<path d="M96 118 C100 72 138 56 176 60 C178 100 150 126 104 124 Z" fill="#ffffff"/>'
            f'<path d="M112 118 C130 100 146 88 166 70" stroke="{primary}" stroke-width="7" stroke-linecap="round" fill="none"/>'
            f'<circle cx="172" cy="170" r="22" fill="{accent}"/><circle cx="172" cy="170" r="22" fill="none" stroke="#ffffff" stroke-width="6"/>'
            f'</svg>')


def hero(site):
    """A site's home illustration: its départements as a mosaic in its colours, with pictograms."""
    w, h = 1200, 900
    primary, accent = SITES[site]["primary"], SITES[site]["accent"]
    deep = mix(primary, "#000000", .35)
    light = mix(primary, "#ffffff", .8)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}">',
             f'<rect width="{w}" height="{h}" fill="{light}"/>', pattern("hero" + site, w, h, primary)]
    codes = SITES[site]["deps"]
    paths = dep_path(codes, (w * .08, h * .08, w * .84, h * .84))
    shades = [primary, mix(primary, "#ffffff", .25), mix(primary, "#ffffff", .45), mix(primary, "#000000", .2)]
    for i, code in enumerate(codes):
        parts.append(f'<path d="{paths[code]}" fill="{shades[i % len(shades)]}" stroke="#ffffff" stroke-width="8" stroke-linejoin="round"/>')
    picts = ["bulb", "hands", "leaf", "people", "trophy", "heart", "car", "gear"]
    for i, code in enumerate(codes):
        pts = [p for p in re.findall(r"([\d.]+),([\d.]+)", paths[code])]
        x = sum(float(p[0]) for p in pts) / len(pts)
        y = sum(float(p[1]) for p in pts) / len(pts)
        r = 58 if len(codes) > 4 else 80
        parts.append(f'<circle cx="{x:.0f}" cy="{y:.0f}" r="{r}" fill="#ffffff"/>')
        parts.append(icon(picts[i % len(picts)], x, y, r * .62, deep, "#ffffff"))
    parts.append(f'<circle cx="{w - 90}" cy="90" r="36" fill="{accent}"/>')
    parts.append("</svg>")
    return "".join(parts)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text + "\n")


def main():
    # Theme fallbacks: small (viewBox only), drawn at any size by the browser.
    for slug, (deep, light, pict) in THEMES.items():
        write(os.path.join(THEME_IMG, "fallback", f"theme-{slug}.svg"), picture("theme" + slug, deep, light, pict, w=800, h=450).replace(' width="800" height="450"', "", 1))
    for slug, (deep, light, pict) in KINDS.items():
        write(os.path.join(THEME_IMG, "fallback", f"kind-{slug}.svg"), picture("kind" + slug, deep, light, pict, w=800, h=450).replace(' width="800" height="450"', "", 1))
    for slug, (deep, light, pict) in TYPES.items():
        write(os.path.join(THEME_IMG, "fallback", f"{slug}.svg"), picture("type" + slug, deep, light, pict, w=800, h=450).replace(' width="800" height="450"', "", 1))
    write(os.path.join(THEME_IMG, "icon.svg"), logo("#1d4f91", "#b3400f"))

    for site in SITES:
        path = os.path.join(RECIPES, f"{site}.recipe.json")
        recipe = json.load(open(path, encoding="utf-8"))
        files = []
        write(os.path.join(MEDIA, f"logo-{site}.svg"), logo(SITES[site]["primary"], SITES[site]["accent"]))
        files.append({"path": "identite/logo.png", "source": f"media/logo-{site}.svg", "alt": "Logo de rally'nov", "width": 480})
        write(os.path.join(MEDIA, f"hero-{site}.svg"), hero(site))
        files.append({"path": "identite/accueil.webp", "source": f"media/hero-{site}.svg",
                      "alt": "Carte stylisée des départements du territoire, avec les pictogrammes de l'innovation sociale", "width": 1200})
        content = next(s for s in recipe["steps"] if s["name"] == "content")
        for item in content["items"]:
            c, kind, iid = item["content"], item["contentType"], item["contentItemId"]
            deps = c.get("Departement") or []
            if kind == "Initiative":
                theme = (c.get("Themes") or ["default"])[0]
                deep, light, pict = THEMES.get(theme, TYPES["initiative"])
                field, alt = "Image", f"Illustration : {theme_name(recipe, theme)}"
            elif kind == "Event":
                k = (c.get("Kind") or ["default"])[0]
                deep, light, pict = KINDS.get(k, TYPES["event"])
                field, alt = "Image", "Illustration de l'événement"
            elif kind == "Laureate":
                deep, light, pict = TYPES["laureate"]
                field, alt = "Image", f"Illustration du prix remis à {c['Title']}"
            elif kind == "News":
                deep, light, pict = TYPES["news"]
                theme_deps = []
                field, alt = "Image", "Illustration de l'actualité"
            else:
                continue
            name = f"{iid}.svg"
            write(os.path.join(MEDIA, name), picture(iid, deep, light, pict, [d for d in deps if d in OUTLINES] or None))
            target = f"illustrations/{iid}.webp"
            files.append({"path": target, "source": f"media/{name}", "alt": alt})
            c[field] = {"path": target, "alt": alt}
        steps = [s for s in recipe["steps"] if s["name"] != "media"]
        at = next(i for i, s in enumerate(steps) if s["name"] == "content")
        steps.insert(at, {"name": "media", "files": files})
        recipe["steps"] = steps
        with open(path, "w", encoding="utf-8") as f:
            f.write(json.dumps(recipe, indent=2, ensure_ascii=False) + "\n")


def theme_name(recipe, slug):
    for step in recipe["steps"]:
        if step["name"] == "taxonomies":
            for v in step["vocabularies"]:
                if v["name"] == "themes":
                    for t in v["terms"]:
                        if t["slug"] == slug:
                            return t["name"]
    return "innovation sociale"


if __name__ == "__main__":
    main()
