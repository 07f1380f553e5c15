"""sidelines: raw diplomatic posts in, a validated Frictionless Data Package out."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("sidelines")
except PackageNotFoundError:  # running from a source tree without an install
    __version__ = "0+unknown"
