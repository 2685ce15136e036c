"""The demo package of gitpypi's example index."""

import world

__version__ = "@VERSION@"


def greeting():
    return "hello, " + world.name() + " (hello " + __version__ + ")"
