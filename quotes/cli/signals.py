"""Stopping a long command (``quotes ingest``, ``quotes demo``) by a signal, without a traceback.

Inside ``stop_on_signals`` SIGTERM raises ``Stopped`` (and SIGINT, Ctrl-C, too) in the main
thread, so the command can say in one line what it had done and exit with ``128 + signal``.
``Stopped`` is a ``BaseException``: the ``except Exception`` that skips one bad article never
swallows it.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import FrameType

HANDLED = (signal.SIGTERM, signal.SIGINT)


class Stopped(BaseException):
    """The command was stopped by ``signum``."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def name(self) -> str:
        return signal.Signals(self.signum).name

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _raise(signum: int, frame: FrameType | None) -> None:
    raise Stopped(signum)


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGTERM and SIGINT raise ``Stopped`` while open (main thread only; elsewhere a no-op)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {sig: signal.signal(sig, _raise) for sig in HANDLED}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
