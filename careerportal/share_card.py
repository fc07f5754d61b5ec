"""Share images (1200 x 630 PNG, the size link previews use), drawn on the server with Pillow."""

import io
from collections.abc import Sequence
from pathlib import Path

from django.http import HttpResponse
from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
FONT_DIR = Path("/usr/share/fonts/truetype/dejavu")
NAVY, INK, MUTED, GREEN = "#1a4480", "#1b1b1b", "#565c65", "#00a91c"
CARD_CACHE = "public, max-age=86400"


def _font(size: int, *, bold: bool = False) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONT_DIR / name), size)
    except OSError:  # no DejaVu on this machine: Pillow's own font, still readable
        return ImageFont.load_default(size)


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: object, width: int, lines: int) -> list[str]:
    words, out, line = text.split(), [], ""
    for word in words:
        trial = f"{line} {word}".strip()
        if draw.textlength(trial, font=font) <= width:  # type: ignore[arg-type]
            line = trial
        else:
            out.append(line)
            line = word
    out.append(line)
    if len(out) > lines:
        out = out[:lines]
        out[-1] = out[-1].rstrip(".,") + "…"
    return out


def card_png(
    *, kicker: str, title: str, facts: Sequence[tuple[str, str]], footer: str, badge: str = ""
) -> bytes:
    """A card: kicker, a title of up to two lines, up to four facts (label, value), a footer."""
    image = Image.new("RGB", (WIDTH, HEIGHT), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle([0, 0, WIDTH, 16], fill=NAVY)
    draw.text((64, 56), kicker, font=_font(30), fill=MUTED)
    y = 104
    title_font = _font(60, bold=True)
    for line in _wrap(draw, title, title_font, WIDTH - 128, 2):
        draw.text((64, y), line, font=title_font, fill=INK)
        y += 74
    if badge:
        draw.text((64, y + 8), "✓ " + badge, font=_font(32, bold=True), fill=GREEN)
    x, y = 64, 380
    for label, value in list(facts)[:4]:
        draw.text((x, y), label, font=_font(26), fill=MUTED)
        draw.text((x, y + 36), value, font=_font(44, bold=True), fill=NAVY)
        x += (WIDTH - 128) // max(1, min(4, len(facts)))
    draw.line([64, 540, WIDTH - 64, 540], fill="#dfe1e2", width=2)
    draw.text((64, 560), footer, font=_font(26), fill=MUTED)
    out = io.BytesIO()
    image.save(out, "PNG", optimize=True)
    return out.getvalue()


def card_response(
    *, kicker: str, title: str, facts: Sequence[tuple[str, str]], footer: str, badge: str = ""
) -> HttpResponse:
    """A share card as a cacheable PNG answer."""
    data = card_png(kicker=kicker, title=title, facts=facts, footer=footer, badge=badge)
    response = HttpResponse(data, content_type="image/png")
    response["Cache-Control"] = CARD_CACHE
    return response
