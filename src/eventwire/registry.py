"""The stage registry: each pipeline stage registers a factory under a name, with what it reads
and what it writes on the `Document`, so a pipeline can be checked before any article runs.

A factory takes the `Settings` and returns a callable `stage(doc) -> None` that fills the document
in place. A stage may also have `pipe(docs)` to process a batch at once (the parser does).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable


@dataclass(frozen=True)
class StageSpec:
    name: str
    factory: Callable
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    doc: str


STAGES: dict[str, StageSpec] = {}


def stage(name: str, *, requires: tuple[str, ...] = (), assigns: tuple[str, ...] = ()):
    """Register a stage factory under `name`."""

    def register(factory):
        STAGES[name] = StageSpec(name, factory, tuple(requires), tuple(assigns),
                                 (factory.__doc__ or "").strip().split("\n")[0])
        return factory

    return register


def check_order(names: list[str]) -> list[str]:
    """Problems with running the stages in this order: unknown names and inputs nothing assigns."""
    problems, assigned = [], {"doc.raw_text", "doc.title", "doc.published"}
    for name in names:
        spec = STAGES.get(name)
        if spec is None:
            problems.append(f"unknown stage {name!r}; known: {', '.join(STAGES)}")
            continue
        problems += [f"stage {name!r} needs {need}, which no earlier stage assigns"
                     for need in spec.requires if need not in assigned]
        assigned.update(spec.assigns)
    return problems
