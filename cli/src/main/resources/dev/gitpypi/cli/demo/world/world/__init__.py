"""The demo dependency of gitpypi's example index."""

__version__ = "@VERSION@"


def name():
    return "world"
