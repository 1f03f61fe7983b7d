"""The per-cluster document the pipeline builds stage by stage, and stage contracts.

In the spirit of spaCy's ``Doc`` and its components' ``requires``/``assigns``: a
``Document`` holds typed ``Field``s; each ``Stage`` declares the fields it reads and the
ones it adds, and sees the document only through a ``StageView`` that enforces that
declaration. ``check_order`` proves before anything runs that every field a stage
reads was given or added by an earlier stage; ``run`` checks that every stage added
what it promised. A stage therefore cannot reach another stage's results through a side
door, and the stage table (``tomtat.pipeline.STAGES``) is the true data flow.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Generic, TypeVar, cast

T = TypeVar("T")
T_co = TypeVar("T_co", covariant=True)


class ContractError(RuntimeError):
    """A stage read or wrote a field it did not declare, or the stages are out of
    order: a programming error, never bad input."""


@dataclass(frozen=True, eq=False)
class Field(Generic[T_co]):
    """A typed slot of the document: ``name`` and what it holds (``about``)."""

    name: str
    about: str = ""

    def __repr__(self) -> str:
        return f"Field({self.name!r})"


class Document:
    """What the pipeline knows about one cluster so far, field by field."""

    def __init__(self, values: Iterable[tuple[Field[object], object]] = ()) -> None:
        self._values: dict[Field[object], object] = dict(values)

    def __contains__(self, key: Field[object]) -> bool:
        return key in self._values

    def get(self, key: Field[T]) -> T:
        """The value of ``key``; ContractError if no stage has assigned it."""
        try:
            return cast(T, self._values[key])
        except KeyError:
            raise ContractError(f"{key.name!r} has not been assigned") from None

    def set(self, key: Field[T], value: T) -> None:
        self._values[key] = value


@dataclass(frozen=True)
class Stage:
    """One step of the pipeline: ``run`` reads ``requires`` and adds ``assigns``."""

    name: str
    requires: tuple[Field[object], ...]
    assigns: tuple[Field[object], ...]
    run: Callable[[StageView], None] = field(repr=False, compare=False)


class StageView:
    """The document as one stage may see it: only the fields it declared."""

    def __init__(self, doc: Document, stage: Stage) -> None:
        self._doc = doc
        self._stage = stage

    def get(self, key: Field[T]) -> T:
        if key not in self._stage.requires:
            raise ContractError(f"stage {self._stage.name!r} reads {key.name!r} without requiring it")
        return self._doc.get(key)

    def set(self, key: Field[T], value: T) -> None:
        if key not in self._stage.assigns:
            raise ContractError(f"stage {self._stage.name!r} assigns {key.name!r} without declaring it")
        self._doc.set(key, value)


def check_order(stages: Sequence[Stage], given: Iterable[Field[object]]) -> None:
    """ContractError unless every field each stage requires is in ``given`` or
    assigned by an earlier stage, and no field is assigned twice."""
    known = set(given)
    for stage in stages:
        missing = [f.name for f in stage.requires if f not in known]
        if missing:
            raise ContractError(f"stage {stage.name!r} requires {', '.join(missing)} before any stage assigns it")
        again = [f.name for f in stage.assigns if f in known]
        if again:
            raise ContractError(f"stage {stage.name!r} assigns {', '.join(again)} again")
        known.update(stage.assigns)


def run(stages: Sequence[Stage], doc: Document) -> Document:
    """Run ``stages`` in order over ``doc``; each must add every field it declares."""
    for stage in stages:
        stage.run(StageView(doc, stage))
        missing = [f.name for f in stage.assigns if f not in doc]
        if missing:
            raise ContractError(f"stage {stage.name!r} did not assign {', '.join(missing)}")
    return doc
