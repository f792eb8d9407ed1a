"""Demo pictures drawn locally with Pillow: no network, nothing copied."""

from __future__ import annotations

import hashlib
import io

from PIL import Image, ImageDraw, ImageFont


def _rgb(colour: str) -> tuple[int, int, int]:
    colour = colour.lstrip("#")
    return tuple(int(colour[i : i + 2], 16) for i in (0, 2, 4))


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except TypeError:  # Pillow without FreeType sizes
        return ImageFont.load_default()


def portrait(name: str, colour: str, size: int = 400) -> bytes:
    """A round badge with the person's initials."""
    image = Image.new("RGB", (size, size), (245, 245, 242))
    draw = ImageDraw.Draw(image)
    draw.ellipse((0, 0, size - 1, size - 1), fill=_rgb(colour))
    initials = "".join(part[0] for part in name.split()[:2]).upper()
    font = _font(size // 3)
    box = draw.textbbox((0, 0), initials, font=font)
    width, height = box[2] - box[0], box[3] - box[1]
    draw.text(
        ((size - width) / 2 - box[0], (size - height) / 2 - box[1]),
        initials,
        fill=(255, 255, 255),
        font=font,
    )
    return _encode(image, "PNG")


def lead_image(seed: str, colour: str, width: int = 1200, height: int = 675) -> bytes:
    """An abstract banner: bands and circles placed by a hash of ``seed``."""
    digest = hashlib.sha256(seed.encode()).digest()
    base = _rgb(colour)
    image = Image.new("RGB", (width, height), base)
    draw = ImageDraw.Draw(image)
    for i in range(8):
        shade = tuple(min(255, c + 18 * (i % 4)) for c in base)
        top = digest[i] * height // 255
        draw.rectangle((0, top, width, top + height // 10), fill=shade)
    for i in range(8, 14):
        x = digest[i] * width // 255
        y = digest[i + 8] * height // 255
        r = 40 + digest[i + 12] % 120
        draw.ellipse((x - r, y - r, x + r, y + r), outline=(255, 255, 255), width=4)
    return _encode(image, "JPEG")


def _encode(image: Image.Image, fmt: str) -> bytes:
    buffer = io.BytesIO()
    image.save(buffer, fmt, quality=85) if fmt == "JPEG" else image.save(buffer, fmt)
    return buffer.getvalue()
