"""``eventwire eval``: score eventwire against gold files (formats A, B, C) or the golden set."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import click

from eventwire.cli import App, main
from eventwire.errors import EventwireError, UsageError

FORMATS = ("events", "articles", "geo", "event_location", "golden")


def sniff_format(path: str | Path) -> str:
    """Which gold format a path holds: 'events' (A), 'geo' (B), 'event_location' (C), 'articles' (D)
    or 'golden'."""
    p = Path(path)
    if p.is_dir():
        return "golden"
    first = _first_record(p)
    if "expect" in first:
        return "golden"
    if "doc_id" in first and "must_not" in first:
        return "articles"
    if "toponyms" in first:
        return "geo"
    if "trigger" in first and "locations" in first:
        return "event_location"
    if "events" in first:
        return "events"
    raise UsageError("E050", f"{path}: records have none of 'events', 'toponyms', 'trigger'+'locations', 'expect'")


def _first_record(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as fh:
            head = fh.read(1 << 16)
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError("E050", f"{path}: {exc.__class__.__name__}") from None
    if head.lstrip().startswith("["):
        return _first_of_json_list(path)
    line = next((ln for ln in head.splitlines() if ln.strip()), "")
    try:
        record = json.loads(line)
    except json.JSONDecodeError:
        raise UsageError("E050", f"{path}: first line is not a JSON object") from None
    if not isinstance(record, dict):
        raise UsageError("E050", f"{path}: first line is not a JSON object")
    return record


def _first_of_json_list(path: Path) -> dict[str, Any]:
    try:
        data = json.loads(path.read_text("utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise UsageError("E050", f"{path}: {exc.__class__.__name__}") from None
    if not data or not isinstance(data[0], dict):
        raise UsageError("E050", f"{path}: expected a list of JSON objects")
    return data[0]


def evaluate(path: str, settings: Any, *, fmt: str | None = None, limit: int | None = None,
             sample: int | None = None, predictions: str | None = None,
             half: str | None = None, by_rule: bool = False) -> tuple[str, dict[str, Any]]:
    """Score one gold path; returns (format, result)."""
    fmt = fmt or sniff_format(path)
    if by_rule and (fmt != "events" or predictions):
        raise UsageError("E060", "--by-rule works with event gold (format A), running eventwire (no --predictions)")
    if fmt == "articles":
        return fmt, _articles(path, settings, limit=limit, predictions=predictions, half=half)
    if predictions and fmt in ("geo", "event_location"):
        raise UsageError("E060", "--predictions works with event gold (format A) and golden sets")
    if fmt == "golden":
        from eventwire.evaluate import golden

        result = (golden.score_golden_predictions(path, predictions) if predictions
                  else golden.run_golden_eval(path, settings, limit=limit))
    elif fmt == "events":
        from eventwire.evaluate import events

        result = (events.score_prediction_file(path, predictions) if predictions
                  else events.run_events_eval(path, settings, limit=limit, sample=sample, by_rule=by_rule))
    else:
        result = _geo(fmt, path, settings)
    return fmt, result


def _articles(path: str, settings: Any, *, limit: int | None, predictions: str | None,
              half: str | None) -> dict[str, Any]:
    from eventwire.evaluate import articles
    from eventwire.evaluate.events import predictions_by_document, read_jsonl

    if predictions:
        predicted = predictions_by_document(read_jsonl(predictions, what="prediction", allow_empty=True))
        return articles.score_articles(read_jsonl(path), predicted)
    return articles.run_articles_eval(path, settings, limit=limit, half=half)


def _geo(fmt: str, path: str, settings: Any) -> dict[str, Any]:
    try:
        from eventwire.evaluate import geo
    except ImportError:
        raise EventwireError("E060", "geoparsing evaluation (eventwire.evaluate.geo) is not installed",
                             hint="use an eventwire build with the geo module") from None
    runner = geo.run_geoparse_eval if fmt == "geo" else geo.run_event_location_eval
    return runner(path, settings)


def render(fmt: str, result: dict[str, Any], *, errors: str = "tune") -> Iterator[str]:
    """Human-readable lines for a result of any format."""
    if fmt == "articles":
        from eventwire.evaluate.articles import iter_table

        yield from iter_table(result, errors=None if errors == "none" else errors)
    elif fmt == "golden":
        from eventwire.evaluate.golden import iter_table

        yield from iter_table(result)
    elif fmt == "events":
        from eventwire.evaluate.events import iter_table

        yield from iter_table(result)
    else:
        yield from _generic_lines(result)


def _generic_lines(result: dict[str, Any], indent: str = "") -> Iterator[str]:
    for key, value in result.items():
        if isinstance(value, dict):
            yield f"{indent}{key}:"
            yield from _generic_lines(value, indent + "  ")
        elif not isinstance(value, list):
            shown = f"{value:.4f}" if isinstance(value, float) else value
            yield f"{indent}{key:<28} {shown}"


@main.command("eval")
@click.argument("gold", type=click.Path(exists=True))
@click.option("--json", "as_json", is_flag=True, help="Print the full result as one JSON object.")
@click.option("--limit", type=click.IntRange(min=1), default=None, help="Score only the first N records.")
@click.option("--sample", type=click.IntRange(min=1), default=None,
              help="Score a reproducible random sample of N records (format A).")
@click.option("--predictions", type=click.Path(exists=True, dir_okay=False), default=None,
              help="Score this JSONL of extract output instead of running eventwire.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default=None,
              help="Gold format (default: sniffed from the file).")
@click.option("--half", type=click.Choice(("tune", "check")), default=None,
              help="Format D: score only one half (split by a hash of doc_id).")
@click.option("--errors", type=click.Choice(("tune", "check", "all", "none")), default="tune", show_default=True,
              help="Format D: list false, missed and misflagged events of this half (study errors on tune).")
@click.option("--by-rule", is_flag=True,
              help="Format A: per detection rule (data/rules.toml), the mentions it fired and the precision of "
                   "the sub-event type of its events, for the whole set and its tune and check halves.")
@click.pass_obj
def eval_command(app: App, gold: str, as_json: bool, limit: int | None, sample: int | None,
                 predictions: str | None, fmt: str | None, half: str | None, errors: str, by_rule: bool) -> None:
    """Score eventwire on GOLD: a format A/B/C/D JSONL from ../shared/eval, or a golden-set directory.

    Format D (article gold) is reported for the whole set and its tune and check halves."""
    fmt, result = evaluate(gold, app.settings, fmt=fmt, limit=limit, sample=sample, predictions=predictions,
                           half=half, by_rule=by_rule)
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False, default=str))
        return
    for line in render(fmt, result, errors=errors):
        click.echo(line)
