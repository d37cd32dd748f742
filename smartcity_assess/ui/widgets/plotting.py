"""pyqtgraph, imported through here so that it also loads where Qt's OpenGL modules are left out.

pyqtgraph imports PySide6.QtOpenGL and QtOpenGLWidgets at import time (for its optional OpenGL drawing,
which the app never turns on); the release bundle leaves them out (9 MB, build.spec). Where they are
missing, stand-ins take their place: nothing is drawn with OpenGL, so nothing ever uses them.
"""

from __future__ import annotations

import importlib.util
import sys
import types


def _stand_in_for_missing_opengl() -> None:
    import PySide6
    from PySide6 import QtWidgets

    for name in ("QtOpenGL", "QtOpenGLWidgets"):
        full = f"PySide6.{name}"
        if full in sys.modules or importlib.util.find_spec(full) is not None:
            continue
        module = types.ModuleType(full, "stand-in: this build has no OpenGL drawing")
        module.QOpenGLWidget = QtWidgets.QWidget  # a base class pyqtgraph declares; never instantiated
        sys.modules[full] = module
        setattr(PySide6, name, module)


_stand_in_for_missing_opengl()

import pyqtgraph as pg  # noqa: E402  (after the stand-ins)
import pyqtgraph.exporters  # noqa: E402, F401  (registers pg.exporters)

__all__ = ["pg"]
