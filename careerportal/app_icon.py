"""Draw the phone app's icon: one drawing written as SVG and rendered to the PNG sizes.

Run `python -m careerportal.app_icon` after changing the drawing; the files it writes under
static/img/app/ are committed (the site has no build step). Pillow draws the PNGs from the same
shapes the SVG names, four times larger and then scaled down, for smooth edges.
"""

from pathlib import Path

from PIL import Image, ImageDraw

THEME = "#1a4480"  # USWDS primary-darker: white on it is 10:1
BARS = "#ffffff"
GOLD = "#ffbe2e"  # USWDS gold-20v, the top of the last step
CANVAS = 512
CORNER = 96  # the "any" icon's rounded corners; the maskable one is full-bleed
# Three rising steps (x, top, width, bottom) on the 512 grid: training leading upward.
STEPS = [(92, 272, 88, 392), (212, 192, 88, 392), (332, 112, 88, 392)]
CAP = 28  # height of the gold cap on the last step
# A maskable icon may be cut to a circle of 40 % of its size: shrink the drawing to fit inside.
MASKABLE_SCALE = 0.8
OUT = Path(__file__).resolve().parent.parent / "static" / "img" / "app"


def _shapes(scale: float) -> list[tuple[str, tuple[float, float, float, float]]]:
    """(colour, box) of each shape, scaled about the centre."""

    def box(x0: float, y0: float, x1: float, y1: float) -> tuple[float, float, float, float]:
        c = CANVAS / 2
        return (
            c + (x0 - c) * scale,
            c + (y0 - c) * scale,
            c + (x1 - c) * scale,
            c + (y1 - c) * scale,
        )

    shapes = [(BARS, box(x, top, x + w, bottom)) for x, top, w, bottom in STEPS]
    x, top, w, _ = STEPS[-1]
    shapes.append((GOLD, box(x, top, x + w, top + CAP)))
    return shapes


def icon_svg(*, maskable: bool = False) -> str:
    """The icon as an SVG document on a 512 grid."""
    corner = 0 if maskable else CORNER
    parts = [
        '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">',
        f'<rect width="512" height="512" rx="{corner}" fill="{THEME}"/>',
    ]
    for colour, (x0, y0, x1, y1) in _shapes(MASKABLE_SCALE if maskable else 1):
        parts.append(
            f'<rect x="{x0:g}" y="{y0:g}" width="{x1 - x0:g}" height="{y1 - y0:g}" '
            f'fill="{colour}"/>'
        )
    parts.append("</svg>")
    return "\n".join(parts) + "\n"


def icon_png(size: int, *, maskable: bool = False) -> Image.Image:
    """The icon drawn at size x size pixels."""
    big = 4 * CANVAS
    k = big / CANVAS
    image = Image.new("RGBA", (big, big), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle(
        (0, 0, big - 1, big - 1), radius=0 if maskable else CORNER * k, fill=THEME
    )
    for colour, (x0, y0, x1, y1) in _shapes(MASKABLE_SCALE if maskable else 1):
        draw.rectangle((x0 * k, y0 * k, x1 * k - 1, y1 * k - 1), fill=colour)
    return image.resize((size, size), Image.Resampling.LANCZOS)


def write_icons(directory: Path = OUT) -> list[Path]:
    """Write the SVG and PNG icons the manifest names; return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in (("icon.svg", icon_svg()), ("icon-maskable.svg", icon_svg(maskable=True))):
        (directory / name).write_text(text)
        written.append(directory / name)
    for name, size, maskable in (
        ("icon-192.png", 192, False),
        ("icon-512.png", 512, False),
        ("icon-maskable-192.png", 192, True),
        ("icon-maskable-512.png", 512, True),
        ("apple-touch-icon-180.png", 180, True),  # iOS rounds the corners itself
    ):
        path = directory / name
        icon_png(size, maskable=maskable).save(path, optimize=True)
        written.append(path)
    return written


if __name__ == "__main__":
    for path in write_icons():
        print(path)
