"""A reportlab Drawing painted into a PNG with Pillow, for the DOCX report.

The radar is drawn once (radar.py) as reportlab shapes; the PDF embeds them as vectors and Word needs a
picture. reportlab's own bitmap renderer needs cairo, which a field laptop's bundle does not carry, and the
radar uses only a handful of shape types, so this walks them: groups with their transforms, lines, polylines,
polygons, rectangles, circles and strings, with alpha fills and dash patterns.
"""

from __future__ import annotations

import io
import math
from functools import cache
from itertools import pairwise

from PIL import Image, ImageDraw, ImageFont
from reportlab.graphics.shapes import Circle, Drawing, Group, Line, Polygon, PolyLine, Rect, String, UserNode

from ..paths import resource_path

Matrix = tuple[float, float, float, float, float, float]
IDENTITY: Matrix = (1, 0, 0, 1, 0, 0)


def _multiply(a: Matrix, b: Matrix) -> Matrix:
    """The transform that applies b, then a (reportlab's 6-tuple affine matrices)."""
    return (
        a[0] * b[0] + a[2] * b[1],
        a[1] * b[0] + a[3] * b[1],
        a[0] * b[2] + a[2] * b[3],
        a[1] * b[2] + a[3] * b[3],
        a[0] * b[4] + a[2] * b[5] + a[4],
        a[1] * b[4] + a[3] * b[5] + a[5],
    )


@cache
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(resource_path("fonts", "DejaVuSans.ttf")), size)


class _Painter:
    def __init__(self, width: float, height: float, scale: float):
        self.scale, self.height = scale, height
        self.image = Image.new("RGBA", (round(width * scale), round(height * scale)), (255, 255, 255, 255))

    def point(self, m: Matrix, x: float, y: float) -> tuple[float, float]:
        px, py = m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]
        return px * self.scale, (self.height - py) * self.scale

    @staticmethod
    def rgba(colour, alpha: float | None = None) -> tuple[int, int, int, int] | None:
        if colour is None:
            return None
        a = colour.alpha if alpha is None else alpha
        return (round(colour.red * 255), round(colour.green * 255), round(colour.blue * 255), round(a * 255))

    def layer(self, *colours):
        """Where to draw a shape: the picture itself for opaque colours, else a transparent layer that
        composite() blends in (that is how alpha fills blend; most shapes are opaque, and a layer costs)."""
        if all(c is None or c[3] == 255 for c in colours):
            return self.image
        return Image.new("RGBA", self.image.size, (0, 0, 0, 0))

    def composite(self, layer) -> None:
        if layer is not self.image:
            self.image.alpha_composite(layer)

    def width(self, shape) -> int:
        return max(1, round((getattr(shape, "strokeWidth", 1) or 1) * self.scale))

    def lines(self, points: list[tuple[float, float]], shape, closed: bool = False) -> None:
        colour = self.rgba(getattr(shape, "strokeColor", None))
        if colour is None or len(points) < 2:
            return
        if closed:
            points = [*points, points[0]]
        layer = self.layer(colour)
        draw = ImageDraw.Draw(layer)
        dash = getattr(shape, "strokeDashArray", None)
        for (x1, y1), (x2, y2) in pairwise(points):
            if dash:
                self._dashed(draw, (x1, y1), (x2, y2), [d * self.scale for d in dash], colour, self.width(shape))
            else:
                draw.line([(x1, y1), (x2, y2)], fill=colour, width=self.width(shape))
        self.composite(layer)

    @staticmethod
    def _dashed(draw, start, end, pattern, colour, width) -> None:
        length = math.dist(start, end)
        if length == 0:
            return
        ux, uy = (end[0] - start[0]) / length, (end[1] - start[1]) / length
        position, index = 0.0, 0
        while position < length:
            step = pattern[index % len(pattern)]
            if index % 2 == 0:
                stop = min(position + step, length)
                a = (start[0] + ux * position, start[1] + uy * position)
                b = (start[0] + ux * stop, start[1] + uy * stop)
                draw.line([a, b], fill=colour, width=width)
            position += step
            index += 1

    def fill(self, points: list[tuple[float, float]], shape) -> None:
        colour = self.rgba(getattr(shape, "fillColor", None))
        if colour is None or len(points) < 3:
            return
        layer = self.layer(colour)
        ImageDraw.Draw(layer).polygon(points, fill=colour)
        self.composite(layer)

    def paint(self, node, m: Matrix) -> None:
        if isinstance(node, UserNode):
            node = node.draw()
        if isinstance(node, Group):
            inner = _multiply(m, tuple(node.transform)) if getattr(node, "transform", None) else m
            for child in node.contents:
                self.paint(child, inner)
        elif isinstance(node, Line):
            self.lines([self.point(m, node.x1, node.y1), self.point(m, node.x2, node.y2)], node)
        elif isinstance(node, Polygon):
            points = [self.point(m, x, y) for x, y in zip(node.points[::2], node.points[1::2], strict=True)]
            self.fill(points, node)
            self.lines(points, node, closed=True)
        elif isinstance(node, PolyLine):
            points = [self.point(m, x, y) for x, y in zip(node.points[::2], node.points[1::2], strict=True)]
            self.lines(points, node)
        elif isinstance(node, Rect):
            corners = [(node.x, node.y), (node.x + node.width, node.y), (node.x + node.width, node.y + node.height)]
            corners.append((node.x, node.y + node.height))
            points = [self.point(m, x, y) for x, y in corners]
            self.fill(points, node)
            self.lines(points, node, closed=True)
        elif isinstance(node, Circle):
            self._circle(node, m)
        elif isinstance(node, String):
            self._string(node, m)

    def _circle(self, node: Circle, m: Matrix) -> None:
        x, y = self.point(m, node.cx, node.cy)
        r = node.r * self.scale
        layer = self.layer(self.rgba(node.fillColor), self.rgba(node.strokeColor))
        ImageDraw.Draw(layer).ellipse(
            [x - r, y - r, x + r, y + r],
            fill=self.rgba(node.fillColor),
            outline=self.rgba(node.strokeColor),
            width=self.width(node) if node.strokeColor is not None else 0,
        )
        self.composite(layer)

    def _string(self, node: String, m: Matrix) -> None:
        if not node.text:
            return
        font = _font(max(1, round(node.fontSize * self.scale)))
        x, y = self.point(m, node.x, node.y)
        anchor = {"start": "ls", "middle": "ms", "end": "rs"}.get(node.textAnchor, "ls")
        colour = self.rgba(node.fillColor) or (0, 0, 0, 255)
        ImageDraw.Draw(self.image).text((x, y), node.text, font=font, fill=colour, anchor=anchor)


def drawing_png(drawing: Drawing, scale: float = 3.0) -> bytes:
    """The drawing as PNG bytes, `scale` pixels per point (3: about 216 dpi, sharp in print)."""
    painter = _Painter(drawing.width, drawing.height, scale)
    painter.paint(drawing, IDENTITY)
    out = io.BytesIO()
    painter.image.convert("RGB").save(out, format="PNG", optimize=False)
    return out.getvalue()
