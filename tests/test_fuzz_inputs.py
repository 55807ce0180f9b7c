"""Property-based runs (hypothesis) of every reader, the date resolver and the settings loader.

Each generated input ends in a result or a RedlineError whose one-line message names the input; no other
exception escapes, and a refused input leaves the store as it was. CI runs a few examples of each;
``make fuzz`` sets REDLINE_FUZZ_SCALE to run each one that many times longer (150: about 104,000 cases).
"""

from __future__ import annotations

import json
import os
import tempfile
from datetime import date
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from redline.errors import ConfigError, RedlineError
from redline.ingest import normalize, scrub
from redline.models import RawDocument, Skip
from redline.nlp.dates import resolve
from redline.settings import Settings
from redline.sources import read

SCALE = int(os.environ.get("REDLINE_FUZZ_SCALE", "1"))
FOLDER = Path(tempfile.mkdtemp(prefix="redline-fuzz-"))
CONFIG = Settings()


def examples(ci: int) -> Any:
    """Hypothesis settings: ``ci`` examples, REDLINE_FUZZ_SCALE times as many under ``make fuzz``."""
    return settings(max_examples=ci * SCALE, deadline=None, database=None,
                    suppress_health_check=list(HealthCheck))


NEWS = st.sampled_from([
    "Russian forces shelled Kharkiv overnight, regional officials said on Tuesday.",
    "Ukraine said it shot down twenty drones over Kyiv, the air force said.",
    "Moscow warned that any strike on Crimea would cross a red line.",
    "",
])
TEXT = st.one_of(st.text(max_size=400), NEWS, st.builds(lambda a, b: a + b, NEWS, st.text(max_size=60)))
SCALAR = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40))
JSON_VALUE = st.recursive(SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                          st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                          max_leaves=12)
RECORD = st.fixed_dictionaries({}, optional={"text": st.one_of(TEXT, SCALAR), "title": SCALAR, "url": SCALAR,
                                             "published": SCALAR, "date": SCALAR, "source": SCALAR})


def _write(name: str, data: bytes) -> str:
    path = FOLDER / name
    path.write_bytes(data)
    return str(path)


def check_reading(spec: str) -> list[Any]:
    """Read ``spec`` and normalise what it yields: results or one-line errors naming the input, nothing else."""
    try:
        items = list(read(spec, allow_private=False, fetch_threads=1))
    except RedlineError as e:
        assert str(e).startswith(spec) and "\n" not in str(e), str(e)
        return []
    articles = []
    for item in items:
        assert isinstance(item, (RawDocument, Skip))
        if isinstance(item, Skip):
            assert item.reason.startswith((spec, item.origin)), item
            assert "\n" not in item.reason
            continue
        try:
            articles.append(normalize(item, CONFIG))
        except RedlineError as e:
            assert str(e).startswith(scrub(item).origin) and "\n" not in str(e), str(e)
    return articles


def _encode(text: str, encoding: str) -> bytes:
    return text.encode(encoding, "surrogatepass") if encoding == "utf-8" else text.encode(encoding, "replace")


ENCODED = st.tuples(st.text(max_size=600), st.sampled_from(["utf-8", "utf-16", "cp1252", "latin-1"]))


@examples(60)
@given(data=st.one_of(st.binary(max_size=800), ENCODED.map(lambda t: _encode(*t))),
       suffix=st.sampled_from([".txt", ".md", ".html", ".json", ".jsonl", ".csv", ".tsv"]))
def test_fuzz_any_bytes_in_a_file(data: bytes, suffix: str) -> None:
    check_reading(_write("any" + suffix, data))


@examples(40)
@given(doc=st.one_of(JSON_VALUE, st.lists(RECORD, max_size=5), RECORD), deep=st.integers(0, 3))
def test_fuzz_json_documents(doc: Any, deep: int) -> None:
    text = json.dumps(doc, ensure_ascii=deep % 2 == 0)
    if deep == 3:
        text = "[" * 5000 + text + "]" * 5000
    check_reading(_write("doc.json", text.encode("utf-8", "surrogatepass")))


@examples(40)
@given(lines=st.lists(st.one_of(RECORD.map(json.dumps), st.text(max_size=50), JSON_VALUE.map(json.dumps)),
                      max_size=8))
def test_fuzz_jsonl_lines(lines: list[str]) -> None:
    check_reading(_write("lines.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass")))


@examples(40)
@given(header=st.lists(st.sampled_from(["text", "title", "url", "published", "source", "x", ""]), max_size=6),
       rows=st.lists(st.lists(st.one_of(TEXT, st.text(alphabet=',"\n\r\t', max_size=5)), max_size=7), max_size=6),
       delimiter=st.sampled_from([",", "\t"]))
def test_fuzz_csv_rows(header: list[str], rows: list[list[str]], delimiter: str) -> None:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter)
    writer.writerow(header)
    writer.writerows(rows)
    suffix = ".csv" if delimiter == "," else ".tsv"
    check_reading(_write("corpus" + suffix, out.getvalue().encode("utf-8", "surrogatepass")))


@examples(25)
@given(rows=st.lists(st.fixed_dictionaries({"text": st.one_of(st.none(), TEXT), "title": st.one_of(st.none(), TEXT),
                                            "published": st.one_of(st.none(), st.text(max_size=30))}), max_size=5),
       junk=st.one_of(st.none(), st.binary(max_size=200)))
def test_fuzz_parquet_rows(rows: list[dict[str, Any]], junk: bytes | None) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = FOLDER / "corpus.parquet"
    if junk is not None:
        path.write_bytes(junk)
    else:
        path.unlink(missing_ok=True)
        clean = [{k: v.encode("utf-8", "replace").decode("utf-8") if isinstance(v, str) else v
                  for k, v in r.items()} for r in rows] or [{"text": None, "title": None, "published": None}]
        conn = duckdb.connect()
        conn.execute("CREATE TABLE t (text VARCHAR, title VARCHAR, published VARCHAR)")
        conn.executemany("INSERT INTO t VALUES (?, ?, ?)", [(r["text"], r["title"], r["published"]) for r in clean])
        conn.execute(f"COPY t TO '{path}' (FORMAT parquet)")
        conn.close()
    check_reading(str(path))


ITEM = st.builds(
    lambda title, text, link, date_: (
        f"<item><title>{title}</title>" + (f"<link>{link}</link>" if link else "")
        + (f"<pubDate>{date_}</pubDate>" if date_ else "")
        + (f"<description><![CDATA[{text}]]></description>" if text else "") + "</item>"),
    st.text(alphabet=st.characters(blacklist_characters="<&", blacklist_categories=("Cs", "Cc")), max_size=30),
    TEXT.map(lambda t: t.replace("]]>", "")),
    st.sampled_from(["", "http://127.0.0.1:1/x", "https://10.0.0.1/a", "not a url", "javascript:alert(1)",
                     "data:text/html,hi", "http://[::1/"]),
    st.sampled_from(["", "Tue, 19 Nov 2024 08:00:00 GMT", "yesterday", "99999-99-99", "0"]),
)


@examples(40)
@given(items=st.lists(ITEM, max_size=5), kind=st.sampled_from(["rss", "atom", "junk"]), junk=st.binary(max_size=200))
def test_fuzz_feed_files(items: list[str], kind: str, junk: bytes) -> None:
    if kind == "junk":
        data = b"<rss version='2.0'>" + junk
    else:
        body = "".join(items)
        data = f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{body}</channel></rss>'.encode(
            "utf-8", "surrogatepass")
    check_reading(_write("feed.rss", data))


@examples(40)
@given(lines=st.lists(st.one_of(st.sampled_from(["http://127.0.0.1:1/a", "https://10.1.2.3/b", "http://[::1/",
                                                 "https://localhost/x", "ftp://example.org/", "# comment", ""]),
                                st.text(max_size=40).map(lambda t: "http://" + t)), min_size=1, max_size=6))
def test_fuzz_url_lists(lines: list[str]) -> None:
    check_reading(_write("list.urls", "\n".join(lines).encode("utf-8", "surrogatepass")))


PHRASES = st.sampled_from(["1000th day of the war", "99999999999th day of the war", "last Tuesday", "Friday",
                           "November 19", "19 November 2024", "2024", "the 31st of February", "0", "last year",
                           "next week", "three days ago", "in 9999999999 days", "the 1,000,000,000th day",
                           "on a Wednesday", "March 2022", "week 53", ""])


@examples(200)
@given(text=st.one_of(PHRASES, st.text(max_size=40),
                      st.builds(lambda a, b: a + " " + b, PHRASES, st.text(max_size=20))),
       published=st.one_of(st.none(), st.dates(min_value=date(1, 1, 1))),
       sentence=st.one_of(st.just(""), st.text(max_size=80)),
       war=st.sampled_from(["UKR", "ISR", "XXX", ""]))
def test_fuzz_date_resolver(text: str, published: date | None, sentence: str, war: str) -> None:
    when = resolve(text, published, war or "UKR", sentence)
    if when is not None:
        assert when.precision in {"day", "week", "month", "year"}
        assert isinstance(when.iso(), str)


SETTING_NAMES = st.sampled_from(sorted(Settings.__dataclass_fields__) + ["nope", "", "MAX_TEXT_BYTES"])
RAW_VALUES = st.one_of(st.text(max_size=30), st.sampled_from(["nan", "-1", "0", "1e309", "[bad", "[]", '["x"]',
                                                              "10.0.0.0/33", "true", " 5 ", "0x10"]))


@examples(200)
@given(override=st.dictionaries(SETTING_NAMES, RAW_VALUES, max_size=3),
       env=st.dictionaries(SETTING_NAMES.map(lambda n: f"REDLINE_{n.upper()}"), RAW_VALUES, max_size=3),
       toml=st.one_of(st.text(max_size=80), st.dictionaries(SETTING_NAMES, RAW_VALUES, max_size=3).map(
           lambda d: "".join(f"{k} = {v if v.strip() else json.dumps(v)}\n" for k, v in d.items()))))
def test_fuzz_settings_loader(override: dict[str, str], env: dict[str, str], toml: str) -> None:
    if any("\x00" in k for k in env) or any("\x00" in v for v in env.values()):
        return  # not representable in a real environment
    path = FOLDER / "redline.toml"
    path.write_text(toml, "utf-8", errors="surrogatepass")
    try:
        loaded = Settings.load(override, config_file=path, environ=env)
    except ConfigError as e:
        message = str(e)
        assert "\n" not in message
        layers = ("--setting", "REDLINE_", str(path), "default_settings.toml")
        assert message.startswith(layers), message
        return
    for name, value, _origin in loaded.items():
        assert Settings.allowed(name)
        assert loaded.with_(**{name: value}) == loaded


@pytest.mark.slow
def test_fuzz_refused_input_leaves_the_store_unchanged(tmp_path: Path) -> None:
    from redline.intake import ingest
    from redline.store import open_store

    url = f"sqlite:///{tmp_path / 'r.db'}"
    with open_store(url) as store:
        before = store.counts()

    @examples(8)
    @given(lines=st.lists(st.one_of(st.text(max_size=30), RECORD.filter(lambda r: not isinstance(r.get("text"), str))
                                    .map(json.dumps)), min_size=1, max_size=5))
    def run(lines: list[str]) -> None:
        spec = _write("refused.jsonl", "\n".join(lines).encode("utf-8", "surrogatepass"))
        with open_store(url) as store:
            report = ingest([spec], store, CONFIG, read=partial(read))
            after = store.counts()
        assert report.new == report.duplicate == 0
        assert {k: v for k, v in after.items() if k != "skips"} == {k: v for k, v in before.items() if k != "skips"}
        assert all(s.reason.startswith(spec) for s in report.skips)

    run()
