"""Finding shipped files (assessments/, resources/) wherever the app runs from.

A source checkout has them beside the package, an installed wheel inside it under `_data/`,
and a PyInstaller bundle under sys._MEIPASS. One helper so no module guesses on its own.
"""

import sys
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent


def _roots() -> list[Path]:
    roots = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        roots.append(Path(bundle))
    roots += [PACKAGE_DIR / "_data", PACKAGE_DIR.parent]
    return roots


def shipped_path(top: str, *parts: str) -> Path:
    """The path of a shipped file or folder under `top` ('assessments' or 'resources')."""
    for root in _roots():
        candidate = root.joinpath(top, *parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError(f"shipped file {'/'.join((top, *parts))} not found (looked in {_roots()})")


def assessments_path(*parts: str) -> Path:
    return shipped_path("assessments", *parts)


def resource_path(*parts: str) -> Path:
    return shipped_path("resources", *parts)
