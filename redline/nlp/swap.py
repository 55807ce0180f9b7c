"""Put a faster component in the place of one of the model's own, when the model is of the kind it reproduces."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any


def replace_pipe(nlp: Any, name: str, factory: str, supports: Callable[[Any], bool], *,
                 keep_name: bool = False) -> bool:
    """Add ``factory``'s component right after the pipe ``name`` and remove ``name``, if ``supports`` accepts that
    pipe; whether it did. The new component is called ``factory``, or takes over ``name`` with ``keep_name``."""
    if name not in nlp.pipe_names or not supports(nlp.get_pipe(name)):
        return False
    added = f"{factory}__new" if keep_name else factory
    nlp.add_pipe(factory, name=added, after=name)
    nlp.remove_pipe(name)
    if keep_name:
        nlp.rename_pipe(added, name)
    return True
