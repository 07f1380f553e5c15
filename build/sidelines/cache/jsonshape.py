"""Check JSON read back from disk against the type hints of what it should rebuild, so that
a cache entry of the wrong shape is a miss, never a wrong value or a crash later (pure)."""

from __future__ import annotations

import types
from dataclasses import MISSING, fields
from functools import cache
from typing import TYPE_CHECKING, Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

D = TypeVar("D", bound="DataclassInstance")


def fits(value: Any, hint: Any) -> bool:
    """Whether a value decoded from JSON has the shape of `hint`: str, int, float, bool,
    None, Any, X | Y, Literal[...], list[X], tuple[X, ...] and tuple[X, Y] (JSON lists),
    dict[str, X].

    >>> fits({"service": 2}, dict[str, int]), fits([1, "2"], list[int]), fits(True, int)
    (True, False, False)
    >>> fits(["a.txt", "empty", None], tuple[str, str, str | None])
    True
    """
    origin, args = get_origin(hint), get_args(hint)
    if hint is Any:
        return True
    if hint is None or hint is type(None):
        return value is None
    if origin in (Union, types.UnionType):
        return any(fits(value, arg) for arg in args)
    if origin is Literal:
        return value in args
    if origin is tuple and args and args[-1] is not Ellipsis:
        return (
            isinstance(value, list)
            and len(value) == len(args)
            and all(fits(v, arg) for v, arg in zip(value, args, strict=True))
        )
    if origin in (list, tuple):
        return isinstance(value, list) and all(fits(v, args[0] if args else Any) for v in value)
    if origin is dict:
        return isinstance(value, dict) and all(
            isinstance(k, str) and fits(v, args[1]) for k, v in value.items()
        )
    if hint is float:
        return isinstance(value, int | float) and not isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint in (str, bool):
        return isinstance(value, hint)
    return False  # anything else (a dataclass, a frame) never comes from JSON as is


@cache  # a class's hints do not change; resolving them took 0.3 s per thousand entries
def _hints(cls: type) -> dict[str, Any]:
    return get_type_hints(cls)


def from_json(cls: type[D], data: Any, left_out: frozenset[str] = frozenset()) -> D | None:
    """An instance of dataclass `cls` from a JSON object holding exactly its fields (except
    `left_out`, which take their defaults), each of its declared type; else None.

    >>> from sidelines.parse.dispatch import SkippedSource
    >>> from_json(SkippedSource, {"name": "a.txt", "reason": "empty file"})
    SkippedSource(name='a.txt', reason='empty file')
    >>> from_json(SkippedSource, {"name": "a.txt", "reason": 3}) is None
    True
    """
    hints = _hints(cls)
    kept = {f.name for f in fields(cls)} - left_out
    if not isinstance(data, dict) or set(data) != kept:
        return None
    if not all(fits(data[name], hints[name]) for name in kept):
        return None
    for f in fields(cls):
        if f.name in left_out and f.default is MISSING and f.default_factory is MISSING:
            return None
    return cls(**data)
