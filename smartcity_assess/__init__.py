"""Smart City Assess: offline-first smart-city maturity assessments."""


def __getattr__(name: str):
    # The version is read from the installed metadata only when asked for: importlib.metadata costs
    # ~50 ms, which every start of the app (and of every command) would otherwise pay before its window.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            value = version("smartcity-assess")
        except PackageNotFoundError:  # running from a source checkout that was never installed
            value = "0.0.0+source"
        globals()["__version__"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
