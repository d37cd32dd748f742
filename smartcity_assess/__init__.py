"""Smart City Assess: offline-first smart-city maturity assessments."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("smartcity-assess")
except PackageNotFoundError:  # running from a source checkout that was never installed
    __version__ = "0.0.0+source"
