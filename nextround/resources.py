"""Curated knowledge shipped inside the package (``nextround/data/``): vocabularies, role families,
benchmarks, templates, and the sample workbook.

These files are ours, read-only and the same for every user, so caching them per process is safe. They
are package data, so an installed wheel finds them; nothing here resolves a path outside the package.
``read_typed`` turns a file into frozen dataclasses and refuses any key the schema does not name.
"""

from __future__ import annotations

import dataclasses
import tomllib
import types
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

DATA_DIR = Path(__file__).resolve().parent / "data"
T = TypeVar("T")


class SchemaError(ValueError):
    """A curated file does not match its schema; the message names the file and the key."""


@lru_cache(maxsize=64)
def load_toml(name: str) -> dict[str, Any]:
    """Parse ``nextround/data/<name>`` (a TOML file) once per process."""
    with (DATA_DIR / name).open("rb") as handle:
        return tomllib.load(handle)


def data_path(name: str) -> Path:
    """Absolute path of a file in ``nextround/data/``."""
    return DATA_DIR / name


def read_typed(name: str, kind: type[T]) -> T:
    """The TOML file ``name`` as the frozen dataclass ``kind``: every field without a default must be
    there, no other key may be, lists become tuples and nested tables their own dataclasses."""
    return from_table(load_toml(name), kind, name)


def from_table(table: Mapping[str, Any], kind: type[T], where: str = "table") -> T:
    """A parsed TOML table as the frozen dataclass ``kind`` (see ``read_typed``); ``where`` names it in
    error messages."""
    return _convert(table, kind, where)


def _convert(value: Any, hint: Any, where: str) -> Any:
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        return _dataclass(value, hint, where)
    origin, args = get_origin(hint), get_args(hint)
    if hint is Any:
        return value
    if origin is Literal:
        if value not in args:
            raise SchemaError(f"{where}: {value!r} is not one of {', '.join(map(repr, args))}")
        return value
    if origin in (Union, types.UnionType):
        if value is None and type(None) in args:
            return None
        errors = []
        for option in (a for a in args if a is not type(None)):
            try:
                return _convert(value, option, where)
            except SchemaError as error:
                errors.append(str(error))
        raise SchemaError(errors[0] if errors else f"{where}: unexpected {value!r}")
    if origin is tuple:
        if not isinstance(value, list | tuple):
            raise SchemaError(f"{where}: expected a list, found {type(value).__name__}")
        item = args[0]
        return tuple(_convert(v, item, f"{where}[{i}]") for i, v in enumerate(value))
    if origin is dict:
        if not isinstance(value, Mapping):
            raise SchemaError(f"{where}: expected a table, found {type(value).__name__}")
        return {str(k): _convert(v, args[1], f"{where}.{k}") for k, v in value.items()}
    if hint is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if isinstance(hint, type) and isinstance(value, hint) and not (hint is int and isinstance(value, bool)):
        return value
    raise SchemaError(f"{where}: expected {getattr(hint, '__name__', hint)}, found {value!r}")


def _dataclass(value: Any, kind: type, where: str) -> Any:
    if not isinstance(value, Mapping):
        raise SchemaError(f"{where}: expected a table, found {type(value).__name__}")
    fields = {f.name: f for f in dataclasses.fields(kind) if f.init}
    unknown = sorted(set(value) - set(fields))
    if unknown:
        raise SchemaError(f"{where}: unknown key {unknown[0]!r} (expected {', '.join(fields)})")
    hints = get_type_hints(kind)
    given: dict[str, Any] = {}
    for name, field in fields.items():
        if name in value:
            given[name] = _convert(value[name], hints[name], f"{where}.{name}")
        elif field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING:
            raise SchemaError(f"{where}: missing key {name!r}")
    return kind(**given)
