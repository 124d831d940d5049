"""The Textual terminal UI of ``quotes``: speaker timelines, exchanges, search, quote details.

``quotes`` never imports this package at module level; ``quotes tui`` loads it lazily.
Start it with :func:`tui.app.make_app`.
"""
