"""What every analyser's numbers are: a frozen dataclass that knows its own shape.

A metrics type lists its fields in the order its JSON shows them. The field's type
says everything the generic methods here need:

- another :class:`Metrics` dataclass is a group of fixed keys (``by_voice.quote``);
- ``Mapping[str, X]`` is a table whose keys depend on the text (one per category,
  per speaker...), each value an ``X``;
- ``tuple[X, ...]`` is a list of rows (speakers, actors, tone pieces);
- ``int``, ``float``, ``str`` and ``bool``, or any of them ``| None``, are numbers
  and names.

From that, :meth:`Metrics.to_dict` gives the JSON-safe dict, :meth:`Metrics.from_dict`
rebuilds the object from it, :meth:`Metrics.to_row` gives the flat columns a batch run
writes, and :func:`metric_columns` the names and kinds of those columns without
analysing anything.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar, TypeVar, Union

__all__ = ["MappingMetrics", "Metrics", "metric_columns"]

M = TypeVar("M", bound="Metrics")

#: The field's metadata key for a field left out of the JSON while it is None (an
#: actor's ``merged_from``, set only where the comparison joined two actors).
OMIT_NONE = "omit_none"


class Metrics:
    """The base of every analyser's metrics type: subclass it with
    ``@dataclass(frozen=True)`` and list the fields in the order of the JSON."""

    __slots__ = ()

    #: The analyser whose numbers these are ("" for a shape nested inside them).
    analyzer: ClassVar[str] = ""

    def to_dict(self) -> dict[str, Any]:
        """The numbers as plain JSON-safe values: dicts, lists, numbers, text, None."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if value is None and f.metadata.get(OMIT_NONE):
                continue
            out[f.name] = _plain(value)
        return out

    def to_row(self) -> dict[str, Any]:
        """The flat columns of a batch run's article table, by dotted name (without the
        analyser's name): groups of fixed keys are spread into one column each, a table
        whose keys depend on the text is one column of JSON text with sorted keys, and
        lists of rows are left out (the findings table holds the evidence)."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):  # type: ignore[arg-type]
            value = getattr(self, f.name)
            if isinstance(value, Metrics):
                out.update({f"{f.name}.{k}": v for k, v in value.to_row().items()})
            elif isinstance(value, Mapping):
                out[f.name] = json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, default=str)
            elif isinstance(value, tuple):
                continue
            else:
                out[f.name] = value
        return out

    @classmethod
    def from_dict(cls: type[M], data: Mapping[str, Any]) -> M:
        """The metrics ``to_dict`` gave (as read back from JSON)."""
        hints = _hints(cls)
        values = {
            f.name: _build(hints[f.name], data[f.name])
            for f in dataclasses.fields(cls)  # type: ignore[arg-type]
            if f.name in data
        }
        return cls(**values)


@dataclasses.dataclass(frozen=True)
class MappingMetrics(Metrics):
    """The numbers of an analyser that returns a plain dict instead of a metrics type:
    kept as they are, shown in the JSON as they are; a batch run writes no columns for
    them (it cannot know them before the first article)."""

    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return dict(self.values)

    def to_row(self) -> dict[str, Any]:
        return {k: v for k, v in self.values.items() if v is None or isinstance(v, (int, float, str))}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> MappingMetrics:
        return cls(dict(data))


def metric_columns(kind: type[Metrics], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Each column ``to_row`` gives for metrics of type ``kind``, in order, with its
    kind: ``int``, ``float``, ``str`` or ``json`` (a table whose keys depend on the text)."""
    if kind is MappingMetrics or not dataclasses.is_dataclass(kind):
        return
    hints = _hints(kind)
    for f in dataclasses.fields(kind):
        name = f"{prefix}{f.name}"
        tp = _optional(hints[f.name])
        origin = typing.get_origin(tp)
        if isinstance(tp, type) and issubclass(tp, Metrics):
            yield from metric_columns(tp, name + ".")
        elif origin is not None and _is_mapping(origin):
            yield name, "json"
        elif origin is tuple:
            continue
        elif tp in (int, bool):
            yield name, "int"
        elif tp is float:
            yield name, "float"
        else:
            yield name, "str"


def _plain(value: Any) -> Any:
    if isinstance(value, Metrics):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _hints(kind: type) -> dict[str, Any]:
    """The resolved field types of ``kind``, read once."""
    found = _HINTS.get(kind)
    if found is None:
        found = _HINTS[kind] = typing.get_type_hints(kind)
    return found


def _optional(tp: Any) -> Any:
    """``X`` for ``X | None``; any other type as it is."""
    if typing.get_origin(tp) in (Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        if len(args) == 1:
            return args[0]
    return tp


def _is_mapping(origin: Any) -> bool:
    return isinstance(origin, type) and issubclass(origin, Mapping)


def _build(tp: Any, value: Any) -> Any:
    """``value`` (plain JSON) as the type ``tp`` holds it."""
    if value is None:
        return None
    tp = _optional(tp)
    if isinstance(tp, type) and issubclass(tp, Metrics):
        return tp.from_dict(value)
    origin = typing.get_origin(tp)
    if origin is not None and _is_mapping(origin):
        args = typing.get_args(tp)
        inner = args[1] if len(args) == 2 else Any
        return {k: _build(inner, v) for k, v in value.items()}
    if origin is tuple:
        args = typing.get_args(tp)
        inner = args[0] if args else Any
        return tuple(_build(inner, v) for v in value)
    return value
