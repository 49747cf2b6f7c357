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
from collections.abc import Callable, Iterator, Mapping
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

    def field_values(self) -> Iterator[tuple[str, Any]]:
        """Each field's name and value as the object holds it, in the order of the JSON
        (a field marked :data:`OMIT_NONE` left out while it is None)."""
        for name, omit_none in _fields(type(self)):
            value = getattr(self, name)
            if value is None and omit_none:
                continue
            yield name, value

    def to_dict(self) -> dict[str, Any]:
        """The numbers as plain JSON-safe values: dicts, lists, numbers, text, None."""
        return {name: _plain(value) for name, value in self.field_values()}

    def to_row(self) -> dict[str, Any]:
        """The flat columns of a batch run's article table, by dotted name (without the
        analyser's name): groups of fixed keys are spread into one column each, a table
        whose keys depend on the text is one column of JSON text with sorted keys, and
        lists of rows are left out (the findings table holds the evidence)."""
        out: dict[str, Any] = {}
        for name, value in self.field_values():
            if isinstance(value, Metrics):
                out.update({f"{name}.{k}": v for k, v in value.to_row().items()})
            elif isinstance(value, Mapping):
                out[name] = json.dumps(_plain(value), ensure_ascii=False, sort_keys=True, default=str)
            elif not isinstance(value, tuple):
                out[name] = value
        return out

    @classmethod
    def from_dict(cls: type[M], data: Mapping[str, Any]) -> M:
        """The metrics ``to_dict`` gave (as read back from JSON)."""
        values = {}
        for name, build in _builders(cls):
            if name in data:
                value = data[name]
                values[name] = value if build is None or value is None else build(value)
        return cls(**values)


@dataclasses.dataclass(frozen=True)
class MappingMetrics(Metrics):
    """The numbers of an analyser that returns a plain dict instead of a metrics type:
    kept as they are, shown in the JSON as they are; a batch run writes no columns for
    them (it cannot know them before the first article)."""

    values: Mapping[str, Any] = dataclasses.field(default_factory=dict)

    def field_values(self) -> Iterator[tuple[str, Any]]:
        yield from self.values.items()

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


_SCALARS = (int, float, str, bool, type(None))


def _plain(value: Any) -> Any:
    if type(value) in _SCALARS:
        return value
    if isinstance(value, Metrics):
        return value.to_dict()
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, (tuple, list)):
        return [_plain(v) for v in value]
    return value


_FIELDS: dict[type, tuple[tuple[str, bool], ...]] = {}


def _fields(kind: type) -> tuple[tuple[str, bool], ...]:
    """The names of ``kind``'s fields and whether each is left out while None, read once."""
    found = _FIELDS.get(kind)
    if found is None:
        found = _FIELDS[kind] = tuple(
            (f.name, bool(f.metadata.get(OMIT_NONE))) for f in dataclasses.fields(kind)
        )
    return found


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


_BUILDERS: dict[type, tuple[tuple[str, Callable[[Any], Any] | None], ...]] = {}


def _builders(kind: type) -> tuple[tuple[str, Callable[[Any], Any] | None], ...]:
    """Each field of ``kind`` with the function that turns its plain JSON value into
    the value the field holds (None: the value as it is), made once."""
    found = _BUILDERS.get(kind)
    if found is None:
        hints = _hints(kind)
        found = _BUILDERS[kind] = tuple((f.name, _builder(hints[f.name])) for f in dataclasses.fields(kind))
    return found


def _builder(tp: Any) -> Callable[[Any], Any] | None:
    """What turns a plain JSON value into one of type ``tp`` (None: nothing to do)."""
    tp = _optional(tp)
    if isinstance(tp, type) and issubclass(tp, Metrics):
        return tp.from_dict
    origin = typing.get_origin(tp)
    if origin is not None and _is_mapping(origin):
        args = typing.get_args(tp)
        inner = _builder(args[1]) if len(args) == 2 else None
        if inner is None:
            return dict
        return lambda value: {k: None if v is None else inner(v) for k, v in value.items()}
    if origin is tuple:
        args = typing.get_args(tp)
        item = _builder(args[0]) if args else None
        if item is None:
            return tuple
        return lambda value: tuple(None if v is None else item(v) for v in value)
    return None
