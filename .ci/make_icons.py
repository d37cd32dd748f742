"""Draws the app icon (a maturity radar on a rounded tile) and writes it for each platform.

Run once when the design changes; the results are committed under resources/icons/:
app.png (Linux, window icon), app.ico (Windows), app.icns (macOS).
"""

from __future__ import annotations

import math
from pathlib import Path

from PIL import Image, ImageDraw

SIZE = 1024
OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"
TILE = (0, 114, 178)  # Okabe-Ito blue, as in core/chart_style.py
RING = (255, 255, 255, 110)
SHAPE = (230, 159, 0)  # Okabe-Ito orange
LEVELS = (0.8, 0.55, 0.9, 0.7, 0.6)  # a city's uneven profile on five axes


def point(index: int, count: int, radius: float) -> tuple[float, float]:
    angle = math.pi / 2 - 2 * math.pi * index / count
    return SIZE / 2 + radius * math.cos(angle), SIZE / 2 - radius * math.sin(angle)


def draw() -> Image.Image:
    image = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    tile = ImageDraw.Draw(image)
    tile.rounded_rectangle((40, 40, SIZE - 40, SIZE - 40), radius=200, fill=TILE)
    overlay = Image.new("RGBA", (SIZE, SIZE), (0, 0, 0, 0))
    lines = ImageDraw.Draw(overlay)
    full = SIZE * 0.36
    count = len(LEVELS)
    for ring in (0.2, 0.4, 0.6, 0.8, 1.0):
        lines.polygon([point(i, count, full * ring) for i in range(count)], outline=RING, width=10)
    for i in range(count):
        lines.line([(SIZE / 2, SIZE / 2), point(i, count, full)], fill=RING, width=8)
    shape = [point(i, count, full * level) for i, level in enumerate(LEVELS)]
    lines.polygon(shape, fill=(*SHAPE, 200), outline=(*SHAPE, 255), width=22)
    return Image.alpha_composite(image, overlay)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    image = draw()
    image.resize((512, 512), Image.LANCZOS).save(OUT / "app.png")
    image.save(OUT / "app.ico", sizes=[(16, 16), (24, 24), (32, 32), (48, 48), (64, 64), (128, 128), (256, 256)])
    image.save(OUT / "app.icns")
    print(f"wrote {', '.join(p.name for p in sorted(OUT.iterdir()))} to {OUT}")


if __name__ == "__main__":
    main()
