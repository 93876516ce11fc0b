"""The cyclic garbage collector, paused while a command builds or reads many objects at once.

Loading, decoding and writing out a large dataset make millions of small objects and keep
nearly all of them until the command ends; none of them are in cycles. The collector would walk
them again and again for nothing: a fifth of a load, and more than half of turning 70,000
timeline entries into JSON objects. A command is a short process: what it allocates is freed
when it ends.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

# Objects this many and more are set aside from collection once made (gc.freeze): they live as
# long as the command, so later collections need not walk them.
FREEZE = 10_000


@contextmanager
def paused() -> Iterator[None]:
    """The collector off while the block runs (as it was after)."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def keep(count: int) -> None:
    """Set what exists now aside from collection, when `count` objects (records, entries) were
    just made to last the whole command."""
    if count >= FREEZE:
        gc.freeze()
