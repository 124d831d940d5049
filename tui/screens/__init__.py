"""The app's modes (timeline, exchanges, search) and its modal screens."""
