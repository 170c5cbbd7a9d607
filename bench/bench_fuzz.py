"""Fuzz job: many generated and mutated inputs through read -> extract, exceptions counted by type.

Every input is generated from ``(seed, index)`` alone (so a run is deterministic, whatever the
batching or the number of jobs): random bytes; real texts (``examples/corpus``, the golden
articles) wrapped as plain text, HTML, RSS, Atom, JSONL, WARC or gzipped WARC and then mutated
(truncations, bit flips, spliced, repeated or deleted chunks); JSONL records with huge, negative,
float or non-string ids and dates, deep nesting, lone surrogates, control characters; odd
encodings with and without BOMs; HTML nested thousands of elements deep; feeds with entities;
damaged WARC records. They are written to temporary files in batches and read with
``eventwire.read.iter_documents``; a capped, evenly spread subset of the documents that read OK
goes through ``eventwire.Extractor(...).extract`` (spaCy and fusion, ~50 ms a short document).

Expected outcomes are documents, ``Rejection`` records and (from extraction) clean
``EventwireError``s. Unexpected, counted by exception type: an exception escaping
``iter_documents`` or ``extract``, and the E019 rejection ``iter_documents`` makes of an
exception it caught ("unexpected error"). Inputs slower than ``--slow`` seconds are listed too.
One JSON line summarises the run; the inputs behind unexpected outcomes are saved with ``--save``.

    python bench/bench_fuzz.py [--n 100000] [--extract 2000] [--seed 11] [--jobs 2] [--save DIR]
"""

from __future__ import annotations

import argparse
import codecs
import gzip
import json
import math
import multiprocessing
import os
import random
import shutil
import sys
import tempfile
import time
import traceback
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SEED_TEXT = ("Gunmen killed five villagers in Kaduna on Monday, police said. "
             "Residents fled to the nearby town of Zaria after the attack.")

# -- seed texts -------------------------------------------------------------------------------

_SEEDS: list[str] | None = None


def seed_texts() -> list[str]:
    """Real article texts: the example corpus (text of every file) and the golden articles."""
    global _SEEDS
    if _SEEDS is not None:
        return _SEEDS
    texts: list[str] = [SEED_TEXT]
    corpus = ROOT / "examples" / "corpus"
    for path in sorted(corpus.glob("*")) if corpus.is_dir() else []:
        if path.is_file() and path.name != "README.md":
            raw = path.read_text("utf-8", "replace")
            if path.suffix == ".jsonl":
                for line in raw.splitlines():
                    try:
                        texts.append(str(json.loads(line).get("text") or ""))
                    except (ValueError, AttributeError):
                        pass
            else:
                texts.append(raw)
    golden = ROOT / "tests" / "golden"
    for path in sorted(golden.rglob("*.json")) if golden.is_dir() else []:
        try:
            data = json.loads(path.read_text("utf-8"))
        except ValueError:
            continue
        for item in data if isinstance(data, list) else []:
            if isinstance(item, dict) and isinstance(item.get("text"), str):
                texts.append(item["text"])
    _SEEDS = [t for t in texts if t.strip()]
    return _SEEDS


# -- shapes -------------------------------------------------------------------------------------

def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def as_html(r: random.Random, text: str) -> str:
    paras = "".join(f"<p>{_esc(p)}</p>\n" for p in text.split("\n") if p.strip()) or f"<p>{_esc(text)}</p>"
    meta = r.choice(['<meta charset="utf-8">', '<meta property="article:published_time" content="2024-05-14">',
                     '<meta charset="shift_jis">', "", '<meta name="date" content="99999-99-99">'])
    return (f"<!doctype html><html><head>{meta}<title>{_esc(text[:60])}</title></head>"
            f"<body><nav><a href='/'>Home</a></nav><article><h1>{_esc(text[:80])}</h1>{paras}</article>"
            "<footer>(c) Wire</footer></body></html>")


def as_rss(r: random.Random, text: str) -> str:
    date = r.choice(["Mon, 13 May 2024 10:00:00 GMT", "2024-05-13", "yesterday", "", "Mon, 99 Foo 99999 99:99:99"])
    items = "".join(f"<item><title>{_esc(text[:50])}</title><link>http://example.com/{i}</link>"
                    f"<guid>g{i}</guid><pubDate>{date}</pubDate><description>{_esc(text)}</description></item>"
                    for i in range(r.randint(1, 3)))
    return f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Wire</title>{items}</channel></rss>'


def as_atom(r: random.Random, text: str) -> str:
    return ('<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>'
            f"<entry><title>{_esc(text[:40])}</title><id>urn:x:{r.randint(0, 9)}</id>"
            f"<updated>2024-05-1{r.randint(0, 9)}T00:00:00Z</updated><link href='http://example.com/a'/>"
            f"<content type='html'>{_esc(_esc(text))}</content></entry></feed>")


def as_jsonl(r: random.Random, text: str) -> str:
    lines = []
    for i in range(r.randint(1, 4)):
        record: dict[str, Any] = {"id": f"r{i}", "text": text, "published": "2024-05-14"}
        if r.random() < 0.3:
            record = {"id": i, "html": as_html(r, text), "url": f"http://example.com/{i}"}
        lines.append(json.dumps(record, ensure_ascii=r.random() < 0.5))
    return "\n".join(lines) + "\n"


def _warc_record(r: random.Random, body: bytes, uri: str = "http://example.com/a") -> bytes:
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    length = len(http)
    if r.random() < 0.1:
        length = r.choice([length + r.randint(1, 500), max(0, length - r.randint(1, 50)), -1, 10**30])
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {uri}\r\n"
            f"WARC-Date: 2024-05-14T10:00:00Z\r\nWARC-Record-ID: <urn:uuid:{r.getrandbits(64):016x}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {length}\r\n\r\n")
    return head.encode() + http + b"\r\n\r\n"


def as_warc(r: random.Random, text: str) -> bytes:
    return b"".join(_warc_record(r, as_html(r, text).encode("utf-8", "surrogatepass"), f"http://example.com/{i}")
                    for i in range(r.randint(1, 3)))


# -- mutations ---------------------------------------------------------------------------------

def mutate(r: random.Random, data: bytes, rounds: int | None = None) -> bytes:
    buf = bytearray(data)
    for _ in range(rounds if rounds is not None else r.randint(1, 6)):
        if not buf:
            buf += bytes([r.randrange(256)])
        op = r.randrange(9)
        i = r.randrange(len(buf))
        if op == 0:  # truncate
            del buf[r.randrange(len(buf) + 1):]
        elif op == 1:  # bit flips
            for _ in range(r.randint(1, 8)):
                j = r.randrange(len(buf))
                buf[j] ^= 1 << r.randrange(8)
        elif op == 2:  # delete a chunk
            del buf[i:i + r.randint(1, 64)]
        elif op == 3:  # duplicate a chunk
            chunk = buf[i:i + r.randint(1, 64)]
            buf[i:i] = chunk * r.randint(1, 20)
        elif op == 4:  # insert random bytes
            buf[i:i] = r.randbytes(r.randint(1, 16))
        elif op == 5:  # insert an interesting token
            buf[i:i] = r.choice(_TOKENS)
        elif op == 6:  # overwrite with a byte
            buf[i] = r.choice([0, 0xFF, 0xFE, 0x80, 0xC0, 0xED, 0x1B, 0x7F, 0x0A, 0x0D, 0x3C, 0x22])
        elif op == 7:  # swap halves
            buf = buf[i:] + buf[:i]
        else:  # cut the start
            del buf[:i]
    return bytes(buf)


_TOKENS = [b"\x00", b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf",
           b"\\ud800", b"\\udfff", b"\\u0000", b"]]>", b"<!--", b"-->", b"<![CDATA[", b"&#0;", b"&#x110000;",
           b"&#99999999999;", b"&amp", b"<script>", b"</html>", b"<body>", b"<?xml", b"<!DOCTYPE x [<!ENTITY a 'b'>]>",
           b"&a;", b"\r\n\r\n", b"WARC/1.0\r\n", b"Content-Length: 99999999999\r\n", b"{", b"}", b"[", b"\"",
           b"99999999999999999999999999999", b"-1", b"1e999", b"NaN", b"\x1b[31m", "\u202e".encode(),
           "\u2028".encode(), b"\x85", b"\x0c", b"\x1f\x8b\x08\x00"]


# -- generators ----------------------------------------------------------------------------------

def g_random_bytes(r: random.Random) -> tuple[str, bytes]:
    ext = r.choice([".txt", ".html", ".jsonl", ".xml", ".warc", ".warc.gz", ".rss", ".gz", ".bin"])
    return ext, r.randbytes(r.choice([1, 2, 8, 64, 512, 4096, 20000]))


def g_random_text(r: random.Random) -> tuple[str, bytes]:
    alphabet = r.choice([" abcdefghij\n.,", "\x00\x01\x1b\x7f\t\r\n a", "\u0627\u0644\u0639 \u0631\u0628",
                         "\u4e2d\u6587 \u3002", "<>&;\"'/=", "\ufeff\u200b\u200e\u202e\u2028a ", "\U0001F4A3 x"])
    text = "".join(r.choice(alphabet) for _ in range(r.randint(1, 3000)))
    return r.choice([".txt", ".html", ".jsonl", ".xml"]), text.encode("utf-8")


def g_shaped(r: random.Random) -> tuple[str, bytes]:
    text = r.choice(seed_texts())
    if r.random() < 0.2:
        text = text[: r.randint(0, len(text))]
    shape = r.choice(["txt", "html", "rss", "atom", "jsonl", "warc", "warc.gz"])
    data = _shape(r, shape, text)
    if r.random() < 0.7:
        data = mutate(r, data)
    return _ext(r, shape), data


def _shape(r: random.Random, shape: str, text: str) -> bytes:
    if shape == "txt":
        return text.encode("utf-8")
    if shape == "html":
        return as_html(r, text).encode("utf-8")
    if shape == "rss":
        return as_rss(r, text).encode("utf-8")
    if shape == "atom":
        return as_atom(r, text).encode("utf-8")
    if shape == "jsonl":
        return as_jsonl(r, text).encode("utf-8")
    if shape == "warc":
        return as_warc(r, text)
    return gzip.compress(as_warc(r, text), mtime=0)


def _ext(r: random.Random, shape: str) -> str:
    natural = {"txt": ".txt", "html": ".html", "rss": ".rss", "atom": ".xml", "jsonl": ".jsonl",
               "warc": ".warc", "warc.gz": ".warc.gz"}[shape]
    return natural if r.random() < 0.8 else r.choice([".txt", ".html", ".jsonl", ".xml", ".warc", ".gz", ".dat"])


def g_mutated_gzip(r: random.Random) -> tuple[str, bytes]:
    text = r.choice(seed_texts())
    data = gzip.compress(as_warc(r, text), mtime=0)
    return ".warc.gz", mutate(r, data, r.randint(1, 3))


def _weird_value(r: random.Random) -> Any:
    return r.choice([
        10 ** r.randint(19, 400), -(10 ** r.randint(1, 400)), -1, 0, 2**63, -(2**63) - 1, 1.5, 1e308, -0.0,
        True, False, None, [], {}, [1, [2, [3]]], {"a": {"b": 1}}, "", " ", "\x00", "\ud800", "\udfff x",
        "a" * r.randint(200, 5000), "\u202egnp.exe", "2024-13-45", "0000-00-00", "99999-01-01", "-2024-01-01",
        "2024-05-14T25:61:61Z", "../../etc/passwd", "%00", "' OR 1=1 --", "\x1b[2J",
    ])


def g_jsonl_weird(r: random.Random) -> tuple[str, bytes]:
    text = r.choice(seed_texts())
    lines = []
    for _ in range(r.randint(1, 5)):
        record: dict[str, Any] = {"id": f"x{r.randrange(1000)}", "text": text}
        for key in r.sample(["id", "text", "html", "published", "url", "title", "outlet", "language", "author"],
                            r.randint(1, 3)):
            record[key] = _weird_value(r)
        line = _dumps(r, record)
        if r.random() < 0.2:
            line = mutate(r, line.encode("utf-8", "surrogatepass"), 2).decode("utf-8", "surrogateescape")
        lines.append(line)
    body = "\n".join(lines)
    return r.choice([".jsonl", ".ndjson", ".json", ".txt"]), body.encode("utf-8", "surrogatepass")


def _dumps(r: random.Random, record: dict[str, Any]) -> str:
    try:
        return json.dumps(record, ensure_ascii=r.random() < 0.7)
    except (ValueError, OverflowError):
        return json.dumps({k: str(v) for k, v in record.items()})


def g_deep(r: random.Random) -> tuple[str, bytes]:
    depth = r.choice([50, 99, 100, 101, 500, 5000, 50000, 100000])
    kind = r.randrange(5)
    text = r.choice(seed_texts())[:500]
    if kind == 0:
        body = '{"id": "d", "text": ' + json.dumps(text) + ', "x": ' + "[" * depth + "]" * depth + "}"
        return ".jsonl", body.encode()
    if kind == 1:
        body = "[" * depth + "]" * r.choice([0, depth])
        return r.choice([".jsonl", ".txt"]), ("{" + '"a":' * 0 + body).encode()
    if kind == 2:
        body = "<html><body>" + "<div>" * depth + f"<p>{_esc(text)}</p>" + "</div>" * r.choice([0, depth]) + "</body></html>"
        return ".html", body.encode()
    if kind == 3:
        body = '<?xml version="1.0"?><rss><channel><item><description>' + "<b>" * depth + _esc(text) + "</description></item></channel></rss>"
        return ".xml", body.encode()
    return ".jsonl", ('{"id": "d", "text": ' + json.dumps(text) + ', "meta": ' + '{"a":' * depth + "1" + "}" * depth + "}").encode()


_ENCODINGS = ["utf-16", "utf-16-le", "utf-16-be", "utf-32", "utf-32-le", "utf-32-be", "utf-8-sig", "cp1252",
              "latin-1", "shift_jis", "koi8-r", "cp1256", "gb18030", "utf-7", "mac-roman", "cp437"]
_BOMS = [codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE, b""]


def g_encoding(r: random.Random) -> tuple[str, bytes]:
    text = r.choice(seed_texts())
    if r.random() < 0.3:
        text += " " + r.choice(["\u00e9t\u00e9 \u00fc\u00df", "\u0627\u0644\u0642\u062f\u0633",
                                "\u4e2d\u56fd\u519b\u961f", "\u041c\u043e\u0441\u043a\u0432\u0430", "\U0001F4A3"])
    shape = r.choice(["txt", "html", "rss", "jsonl"])
    body = {"txt": lambda: text, "html": lambda: as_html(r, text), "rss": lambda: as_rss(r, text),
            "jsonl": lambda: as_jsonl(r, text)}[shape]()
    encoding = r.choice(_ENCODINGS)
    data = body.encode(encoding, "replace")
    if r.random() < 0.3:  # a BOM that may or may not match
        data = r.choice(_BOMS) + data
    if r.random() < 0.2:
        data = data[: r.randrange(len(data) + 1)]  # cut mid-character
    return _ext(r, shape), data


def g_controls(r: random.Random) -> tuple[str, bytes]:
    text = list(r.choice(seed_texts()))
    for _ in range(r.randint(1, 50)):
        text.insert(r.randrange(len(text) + 1), chr(r.choice([*range(0, 32), 127, *range(0x80, 0xA0), 0x200B,
                                                              0x200E, 0x202E, 0x2028, 0x2029, 0xFEFF, 0xFFFE,
                                                              0xFFFF, 0x10FFFF, 0xD800, 0xDFFF, 0xE000])))
    joined = "".join(text)
    shape = r.choice(["txt", "html", "jsonl", "rss"])
    body = {"txt": lambda: joined, "html": lambda: as_html(r, joined), "rss": lambda: as_rss(r, joined),
            "jsonl": lambda: as_jsonl(r, joined)}[shape]()
    return _ext(r, shape), body.encode("utf-8", r.choice(["surrogatepass", "replace"])
                                       if any(0xD800 <= ord(c) <= 0xDFFF for c in body) else "strict")


def g_xml_tricks(r: random.Random) -> tuple[str, bytes]:
    text = _esc(r.choice(seed_texts())[:400])
    bodies = [
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
        '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]><rss><channel><item><title>&c;</title><description>'
        + text + "</description></item></channel></rss>",
        '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss><channel><item>'
        "<title>&x;</title><description>" + text + "</description></item></channel></rss>",
        '<?xml version="1.0" encoding="utf-16"?><rss><channel><item><description>' + text + "</description></item></channel></rss>",
        '<?xml version="1.0" encoding="bogus-enc"?><feed xmlns="http://www.w3.org/2005/Atom"><entry><content>'
        + text + "</content></entry></feed>",
        "<rss><channel>" + "<item><description>x</description></item>" * r.randint(1, 200) + "</channel></rss>",
        '<rss><channel><item><description><![CDATA[' + text + "]]></description><pubDate>"
        + r.choice(["-1", "0", "99999999999999999999", "Tue, 31 Feb 2024 00:00:00 +9999"]) + "</pubDate></item></channel></rss>",
        "<html><head><script>" + "x" * r.randint(0, 5000) + "</script></head><body><p>" + text + "</p></body></html>",
        "<html><body>" + "<p>" + text + "</p><p>&#" + str(r.choice([0, 0xD800, 0x110000, 10**20])) + ";</p></body></html>",
        "<html><body><table>" + "<tr><td>" * r.randint(1, 3000) + text + "</body></html>",
    ]
    body = r.choice(bodies)
    data = body.encode("utf-8")
    if r.random() < 0.3:
        data = mutate(r, data, 2)
    return r.choice([".xml", ".rss", ".html", ".atom", ".txt"]), data


def g_warc_tricks(r: random.Random) -> tuple[str, bytes]:
    text = r.choice(seed_texts())
    record = _warc_record(r, as_html(r, text).encode())
    kind = r.randrange(6)
    if kind == 0:
        data = record[: r.randrange(len(record))]  # truncated record
    elif kind == 1:
        data = record.replace(b"WARC-Type: response", r.choice([b"WARC-Type: request", b"WARC-Type: metadata",
                                                                 b"WARC-Type: resource", b"WARC-Type: \x00"]))
    elif kind == 2:
        data = record.replace(b"HTTP/1.1 200 OK", r.choice([b"HTTP/1.1 404 Not Found", b"HTTP/9.9 999 X", b"garbage"]))
    elif kind == 3:
        data = record.replace(b"text/html; charset=utf-8", r.choice([b"application/pdf", b"text/html; charset=bogus",
                                                                     b"text/plain; charset=utf-16", b""]))
    elif kind == 4:
        data = b"WARC/1.0\r\n" + b"X-Header: " + b"a" * r.randint(1, 100000) + b"\r\n\r\n"
    else:
        data = gzip.compress(record, mtime=0)
        data = data[: r.randrange(len(data))] if r.random() < 0.5 else data + r.randbytes(r.randint(1, 40))
    return r.choice([".warc", ".warc.gz", ".gz"]) if kind == 5 else ".warc", data


def g_big(r: random.Random) -> tuple[str, bytes]:
    text = r.choice(seed_texts())
    kind = r.randrange(4)
    if kind == 0:  # a long document
        return ".txt", ((text + "\n\n") * (r.randint(200_000, 1_200_000) // max(1, len(text)) + 1)).encode()
    if kind == 1:  # one long line in JSONL
        return ".jsonl", json.dumps({"id": "big", "text": text * (r.randint(2000, 20000) // 1 or 1)}).encode()
    if kind == 2:  # a long id
        return ".jsonl", json.dumps({"id": "i" * r.choice([257, 10_000, 1_000_000]), "text": text}).encode()
    return ".warc.gz", gzip.compress(_warc_record(r, b"<html><body><p>" + b"\x00" * 3_000_000 + b"</p></body></html>"), mtime=0)


def g_empty(r: random.Random) -> tuple[str, bytes]:
    data = r.choice([b"", b" ", b"\n", b"\r\n\t ", b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"{}", b"[]", b"null",
                     b"<html></html>", b"<rss/>", b"WARC/1.0\r\n\r\n", gzip.compress(b"", mtime=0), b"\x1f\x8b"])
    return r.choice([".txt", ".html", ".jsonl", ".xml", ".warc", ".warc.gz"]), data


GENERATORS = [  # (generator, weight)
    (g_shaped, 30), (g_random_bytes, 8), (g_random_text, 8), (g_jsonl_weird, 14), (g_encoding, 10),
    (g_controls, 8), (g_xml_tricks, 8), (g_warc_tricks, 6), (g_mutated_gzip, 3), (g_deep, 3), (g_empty, 2),
]
_BIG_EVERY = 2000  # one input in this many is large (0.2 - 3 MB)


def generate(seed: int, index: int) -> tuple[str, str, bytes]:
    """The input number ``index`` of a run: (generator name, file extension, bytes)."""
    r = random.Random(seed * 1_000_003 + index)
    if index % _BIG_EVERY == _BIG_EVERY - 1:
        ext, data = g_big(r)
        return "g_big", ext, data
    gen = r.choices([g for g, _ in GENERATORS], weights=[w for _, w in GENERATORS])[0]
    ext, data = gen(r)
    return gen.__name__, ext, data


# -- running -------------------------------------------------------------------------------------

_SETTINGS = None


def _settings():
    global _SETTINGS
    if _SETTINGS is None:
        from eventwire import load_settings

        _SETTINGS = load_settings()
    return _SETTINGS


def _exc_name(exc: BaseException) -> str:
    return f"{type(exc).__module__}.{type(exc).__qualname__}".removeprefix("builtins.")


def read_batch(job: tuple[int, int, int, int, float]) -> dict[str, Any]:
    """Write inputs ``start..stop`` to files, read them; counts, unexpected outcomes and sampled documents."""
    from eventwire.read import iter_documents
    from eventwire.records import Rejection

    seed, start, stop, keep, slow = job
    settings = _settings()
    out: dict[str, Any] = {"inputs": 0, "documents": 0, "rejections": Counter(), "unexpected": [],
                           "slow": [], "generators": Counter(), "docs": [], "seconds": 0.0}
    folder = tempfile.mkdtemp(prefix="ewfuzz-")
    try:
        paths: dict[str, int] = {}
        for index in range(start, stop):
            name, ext, data = generate(seed, index)
            path = os.path.join(folder, f"in{index:07d}{ext}")
            with open(path, "wb") as fh:
                fh.write(data)
            paths[path] = index
            out["generators"][name] += 1
        out["inputs"] = len(paths)
        began = time.perf_counter()
        try:
            items = list(iter_documents(list(paths), settings))
        except Exception:  # noqa: BLE001 - find the input behind it, one by one
            items = None
        if items is None or time.perf_counter() - began > slow * len(paths):
            items = []
            for path, index in paths.items():
                t0 = time.perf_counter()
                try:
                    items += list(iter_documents([path], settings))
                except Exception as exc:  # noqa: BLE001
                    out["unexpected"].append({"leg": "read", "index": index, "type": _exc_name(exc),
                                              "message": str(exc)[:200], "trace": traceback.format_exc()[-1500:]})
                took = time.perf_counter() - t0
                if took > slow:
                    out["slow"].append({"index": index, "seconds": round(took, 2)})
        out["seconds"] = time.perf_counter() - began
        for item in items:
            if isinstance(item, Rejection):
                out["rejections"][item.code] += 1
                if item.code == "E019":  # iter_documents caught an exception it did not expect
                    index = paths.get(item.source, -1)
                    out["unexpected"].append({"leg": "read", "index": index, "type": item.reason.split(":", 1)[0],
                                              "message": f"E019 {item.reason[:200]}"})
            else:
                out["documents"] += 1
                if len(out["docs"]) < keep:
                    item.meta["fuzz_index"] = paths.get(item.source, -1)
                    out["docs"].append(item)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return out


def extract_leg(docs: list[Any], batch: int, slow: float, progress: bool = False) -> dict[str, Any]:
    """Documents through ``Extractor().extract`` in batches; a failing batch is retried one by one."""
    from eventwire import EventwireError, Extractor

    out: dict[str, Any] = {"documents": len(docs), "events": 0, "errors": Counter(), "unexpected": [], "slow": [],
                           "seconds": 0.0}
    if not docs:
        return out
    extractor = Extractor(_settings())
    began = time.perf_counter()
    for i in range(0, len(docs), batch):
        chunk = docs[i:i + batch]
        if progress:
            print(f"# extract {i}/{len(docs)}, {time.perf_counter() - began:.0f} s, next sizes "
                  f"{sorted(len(d.raw_text) for d in chunk)[-3:]}", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            out["events"] += len(extractor.extract(chunk, include_background=True))
            if time.perf_counter() - t0 > slow:  # a slow batch: name its documents and their sizes
                out["slow"].append({"indexes": [d.meta.get("fuzz_index") for d in chunk],
                                    "chars": [len(d.raw_text) for d in chunk],
                                    "seconds": round(time.perf_counter() - t0, 2)})
            continue
        except Exception:  # noqa: BLE001 - find the document behind it
            pass
        for doc in chunk:
            t0 = time.perf_counter()
            try:
                out["events"] += len(extractor.extract([doc], include_background=True))
            except EventwireError as exc:
                out["errors"][exc.code] += 1
            except Exception as exc:  # noqa: BLE001
                out["unexpected"].append({"leg": "extract", "index": doc.meta.get("fuzz_index"),
                                          "type": _exc_name(exc), "message": str(exc)[:200],
                                          "trace": traceback.format_exc()[-1500:]})
            if time.perf_counter() - t0 > slow:
                out["slow"].append({"index": doc.meta.get("fuzz_index"), "seconds": round(time.perf_counter() - t0, 2)})
    out["seconds"] = time.perf_counter() - began
    return out


def run(n: int, *, seed: int = 11, extract: int = 2000, batch: int = 250, jobs: int = 1, slow: float = 10.0,
        extract_batch: int = 16, save: str | None = None, progress: bool = False,
        extract_max_chars: int = 0) -> dict[str, Any]:
    """Fuzz ``n`` inputs through read and up to ``extract`` of the documents through extraction; the summary."""
    began = time.perf_counter()
    batches = [(start, min(n, start + batch)) for start in range(0, n, batch)]
    keep = math.ceil(extract / max(1, len(batches))) * 2 if extract else 0
    jobs_args = [(seed, a, b, keep, slow) for a, b in batches]
    total: dict[str, Any] = {"inputs": 0, "documents": 0, "rejections": Counter(), "unexpected": [], "slow": [],
                             "generators": Counter(), "seconds": 0.0}
    docs: list[Any] = []
    if jobs > 1:
        pool = multiprocessing.get_context("spawn").Pool(jobs)
        results = pool.imap(read_batch, jobs_args)
    else:
        pool, results = None, map(read_batch, jobs_args)
    try:
        for done, part in enumerate(results, 1):
            for key in ("inputs", "documents", "seconds"):
                total[key] += part[key]
            for key in ("rejections", "generators"):
                total[key].update(part[key])
            total["unexpected"] += part["unexpected"]
            total["slow"] += part["slow"]
            docs += part["docs"]
            if progress and done % 20 == 0:
                print(f"# {total['inputs']}/{n} read, {len(total['unexpected'])} unexpected, "
                      f"{time.perf_counter() - began:.0f} s", file=sys.stderr, flush=True)
    finally:
        if pool is not None:
            pool.close()
            pool.join()
    read_seconds = time.perf_counter() - began
    long_docs = [d for d in docs if extract_max_chars and len(d.raw_text) > extract_max_chars]
    chosen = _spread([d for d in docs if not extract_max_chars or len(d.raw_text) <= extract_max_chars], extract)
    leg = extract_leg(chosen, extract_batch, slow, progress)
    unexpected = total["unexpected"] + leg["unexpected"]
    if save and unexpected:
        _save(Path(save), seed, unexpected)
    by_type = Counter(f"{u['leg']}:{u['type']}" for u in unexpected)
    return {
        "bench": "fuzz", "seed": seed, "inputs": total["inputs"], "read_documents": total["documents"],
        "read_rejections": sum(total["rejections"].values()),
        "rejection_codes": dict(sorted(total["rejections"].items())),
        "extracted_documents": leg["documents"], "extracted_events": leg["events"],
        "extract_skipped_longer_than": {"chars": extract_max_chars, "documents": len(long_docs)} if extract_max_chars else None,
        "extract_errors": dict(leg["errors"]),
        "unexpected": len(unexpected), "unexpected_by_type": dict(by_type.most_common()),
        "unexpected_examples": [{k: u[k] for k in ("leg", "index", "type", "message")} for u in unexpected[:5]],
        "slow_inputs": sorted(total["slow"] + leg["slow"], key=lambda s: -s["seconds"])[:10],
        "read_inputs_per_s": round(total["inputs"] / read_seconds, 1) if read_seconds else None,
        "read_s": round(read_seconds, 1), "extract_s": round(leg["seconds"], 1),
        "generators": dict(sorted(total["generators"].items())), "jobs": jobs,
    }


def _spread(docs: list[Any], wanted: int) -> list[Any]:
    """``wanted`` documents spread evenly over ``docs`` (all of them when there are fewer)."""
    if wanted <= 0 or not docs:
        return []
    if len(docs) <= wanted:
        return docs
    step = len(docs) / wanted
    return [docs[int(i * step)] for i in range(wanted)]


def _save(folder: Path, seed: int, unexpected: list[dict[str, Any]]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for u in unexpected[:200]:
        if u.get("index") is None or u["index"] < 0:
            continue
        _, ext, data = generate(seed, u["index"])
        (folder / f"{u['leg']}-{u['index']:07d}{ext}").write_bytes(data)
        (folder / f"{u['leg']}-{u['index']:07d}.json").write_text(json.dumps(u, indent=1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=100_000, help="inputs generated and read")
    parser.add_argument("--extract", type=int, default=2000, help="documents (that read OK) run through extraction")
    parser.add_argument("--extract-max-chars", type=int, default=0,
                        help="leave documents longer than this out of the extraction leg (0: none). spaCy's "
                             "tokenizer is quadratic in a long run of punctuation without spaces: 20,000 "
                             "'[' take ~50 s, 100,000 ~20 min")
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--batch", type=int, default=250, help="inputs written and read per iter_documents call")
    parser.add_argument("--jobs", type=int, default=1, help="reading processes")
    parser.add_argument("--slow", type=float, default=10.0, help="seconds after which an input is listed as slow")
    parser.add_argument("--save", default=None, help="folder for the inputs behind unexpected exceptions")
    parser.add_argument("--progress", action="store_true")
    args = parser.parse_args(argv)
    summary = run(args.n, seed=args.seed, extract=args.extract, batch=args.batch, jobs=args.jobs,
                  slow=args.slow, save=args.save, progress=args.progress, extract_max_chars=args.extract_max_chars)
    print(json.dumps(summary, default=str))
    return 0 if summary["unexpected"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
