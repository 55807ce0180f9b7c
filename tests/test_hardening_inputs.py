"""The red-team cases of issue 14: every input path ends in a result or a one-line reason, and a batch goes on."""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import partial
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from redline.cli import main
from redline.errors import SourceError
from redline.intake import ingest
from redline.models import RawDocument, Skip
from redline.nlp.chunks import parse, split
from redline.pipeline import run_one
from redline.settings import Settings
from redline.sources import read
from redline.store import open_store

STRIKE = "Russian forces shelled Kharkiv overnight, regional officials said on Tuesday, and two people were killed."
SURROGATE = ("Russia warned \ud800 NATO that any strike deep inside its territory would cross a red line and "
             "bring a tangible response, the Kremlin spokesman said on Monday.")
WARNING = "Ukraine said it shot down twenty drones over Kyiv overnight, the air force said on Wednesday."


def test_chunks_split_keeps_every_character_and_cuts_at_paragraphs() -> None:
    text = "\n\n".join(f"Paragraph {i}. " + "word " * 30 for i in range(40))
    pieces = split(text, 1000)
    assert "".join(pieces) == text
    assert all(len(p) <= 1000 for p in pieces)
    assert all(p.endswith("\n\n") for p in pieces[:-1])


def test_chunks_split_without_paragraphs_cuts_at_sentences_then_spaces() -> None:
    sentences = "The army advanced. " * 200
    assert all(p.endswith("advanced. ") for p in split(sentences, 500)[:-1])
    words = "word " * 300
    assert all(p.endswith(" ") for p in split(words, 100)[:-1])
    assert "".join(split("x" * 250, 100)) == "x" * 250


def test_chunks_long_text_is_one_doc_with_whole_text_offsets(blank_nlp: Any) -> None:
    text = "\n\n".join(f"Strike number {i} hit the city. Officials said so." for i in range(300))
    blank_nlp.max_length = 2000
    doc = parse(blank_nlp, text)
    assert doc.text == text
    sents = [s for s in doc.sents if s.text.strip()]
    assert len(sents) == 600
    for s in sents:
        assert text[s.start_char:s.end_char] == s.text


def test_chunks_text_over_max_length_is_analysed_into_one_brief(context: Any, founding_text: str) -> None:
    title, _, body = founding_text.partition("\n")
    raw = RawDocument(origin="long.txt", text=body, title=title, published="2024-11-19")
    whole = run_one(raw, context)
    limit = context.nlp.max_length
    context.nlp.max_length = 400  # the founding text is 1,067 characters: three chunks
    try:
        chunked = run_one(raw, context)
    finally:
        context.nlp.max_length = limit
    assert not isinstance(chunked, Skip) and not isinstance(whole, Skip)
    text = chunked.article.text
    assert len(split(text, 400)) == 3
    quotes = [(e.start, e.end, e.quote) for ev in chunked.events for e in ev.evidence]
    assert quotes
    for start, end, quote in quotes:
        assert text[start:end] == quote
    assert chunked.events and len(chunked.article.text) == len(whole.article.text)


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, "utf-8")
    return path


@pytest.fixture
def bad_folder(tmp_path: Path) -> Path:
    """One folder of the files that each aborted a whole `redline ingest` run, and two good ones."""
    folder = tmp_path / "in"
    folder.mkdir()
    _write(folder, "a_deep.json", "[" * 100_000 + "]" * 100_000)
    _write(folder, "b_surrogate.json", json.dumps({"text": SURROGATE}, ensure_ascii=True))
    _write(folder, "c_mixed.jsonl", "\n".join([json.dumps({"text": STRIKE}), "not json", json.dumps({"title": "x"}),
                                               "[" * 50_000, json.dumps({"text": WARNING})]) + "\n")
    _write(folder, "d_good.txt", "Drones over Odesa\n" + "Air defence units destroyed 14 drones over Odesa, the "
           "regional governor said on Thursday, and nobody was hurt in the attack on the port.\n")
    return folder


def test_hardening_folder_with_bad_files_is_ingested_to_the_end(bad_folder: Path, tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as store:
        report = ingest([str(bad_folder)], store, Settings(), read=partial(read, folders=True))
        stored = store.skips()
    deep, jsonl = bad_folder / "a_deep.json", bad_folder / "c_mixed.jsonl"
    assert {(s.stage, s.reason) for s in report.skips} == {
        ("source", f"{deep}: JSON nested too deeply to read (records are objects of strings)"),
        ("source", f"{jsonl}: line 2: invalid JSON: Expecting value"),
        ("source", f'{jsonl}: line 3: record has no "text" field'),
        ("source", f"{jsonl}: line 4: JSON nested too deeply to read (records are objects of strings)"),
    }
    assert report.new == 4  # the surrogate record, two JSONL records, the text file
    assert [(s["stage"], s["reason"]) for s in stored] == [(s.stage, s.reason) for s in report.skips]


def test_hardening_lone_surrogate_is_stored_as_a_replacement_character(tmp_path: Path, bad_folder: Path) -> None:
    db = tmp_path / "r.db"
    with open_store(f"sqlite:///{db}") as store:
        report = ingest([str(bad_folder / "b_surrogate.json")], store, Settings(), read=partial(read))
    assert report.new == 1
    with contextlib.closing(sqlite3.connect(db)) as conn:
        [(title, text)] = conn.execute("SELECT title, text FROM articles").fetchall()
    assert text == SURROGATE.replace("\ud800", "\ufffd")
    assert title.startswith("Russia warned \ufffd NATO")


def test_hardening_undecodable_file_name_is_stored(tmp_path: Path) -> None:
    folder = tmp_path / "names"
    folder.mkdir()
    (folder / os.fsdecode(b"bad-\xff.txt")).write_text("Headline\n" + STRIKE + "\n", "utf-8")
    (folder / "empty.txt").write_text("", "utf-8")
    with open_store(f"sqlite:///{tmp_path / 'r.db'}") as store:
        report = ingest([str(folder)], store, Settings(), read=partial(read, folders=True))
        assert [s["reason"].rsplit(": ", 1)[1] for s in store.skips()] == ["file is empty"]
    assert (report.new, report.skipped) == (1, 1)


def test_hardening_cli_ingest_exit_code_counts_skips(bad_folder: Path, tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["ingest", str(bad_folder), "-q", "--db", f"sqlite:///{tmp_path / 'r.db'}"])
    assert result.exit_code == 1, result.output
    assert result.output.splitlines()[-1] == "4 new, 0 duplicate, 4 skipped"
    assert "Traceback" not in result.output


def test_hardening_cli_analyze_bad_jsonl_skips_records(bad_folder: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(bad_folder / "c_mixed.jsonl"), "--no-store", "-q"])
    assert result.exit_code == 1
    assert result.output.splitlines()[-1] == "2 analysed, 3 skipped"


def test_hardening_cli_analyze_deep_json_is_one_line(bad_folder: Path) -> None:
    result = CliRunner().invoke(main, ["analyze", str(bad_folder / "a_deep.json"), "--no-store"])
    deep = bad_folder / "a_deep.json"
    assert (result.exit_code, result.output) == (
        2, f"Error: {deep}: JSON nested too deeply to read (records are objects of strings)\n")


@contextlib.contextmanager
def _unprivileged() -> Iterator[None]:
    """Run as nobody when root, whom file permissions do not stop."""
    if os.geteuid() != 0:
        yield
        return
    os.seteuid(65534)
    try:
        yield
    finally:
        os.seteuid(0)


@pytest.fixture
def locked_folder() -> Iterator[Path]:
    base = Path(tempfile.mkdtemp(prefix="redline-locked-"))  # not under pytest's 0700 folder: nobody must enter
    base.chmod(0o755)
    (base / "locked").mkdir()
    (base / "locked" / "inside.txt").write_text("Headline\n" + STRIKE + "\n", "utf-8")
    (base / "open.txt").write_text("Headline\n" + WARNING + "\n", "utf-8")
    os.chmod(base / "open.txt", 0o644)
    (base / "locked").chmod(0)
    yield base
    (base / "locked").chmod(0o755)
    for p in sorted(base.rglob("*"), reverse=True):
        p.rmdir() if p.is_dir() else p.unlink()
    base.rmdir()


def test_hardening_unreadable_folder_is_a_skip_not_a_crash(locked_folder: Path) -> None:
    with _unprivileged():
        with pytest.raises(SourceError) as err:
            list(read(str(locked_folder / "locked" / "inside.txt"), folders=True))
        items = list(read(str(locked_folder / "*"), folders=True))
        whole = list(read(str(locked_folder), folders=True))
    assert str(err.value) == f"{locked_folder / 'locked' / 'inside.txt'}: cannot read (Permission denied)"
    for got in (items, whole):
        [skip] = [i for i in got if isinstance(i, Skip)]
        assert [i.origin for i in got if isinstance(i, RawDocument)] == [str(locked_folder / "open.txt")]
        assert skip.reason == f"{locked_folder / 'locked'}: cannot read the folder (Permission denied)"


def _stored_db(tmp_path: Path, founding_path: Path) -> Path:
    db = tmp_path / "r.db"
    result = CliRunner().invoke(main, ["analyze", str(founding_path), "-q", "--db", f"sqlite:///{db}"])
    assert result.exit_code == 0, result.output
    return db


def test_hardening_analyze_read_only_store_is_one_line(tmp_path: Path, founding_path: Path) -> None:
    db = _stored_db(tmp_path, founding_path)
    url = f"sqlite:///file:{db}?mode=ro&uri=true"
    result = CliRunner().invoke(main, ["analyze", str(founding_path), "-q", "--db", url])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith("Error: sqlite:///file") and "attempt to write a readonly database" in line


def test_hardening_analyze_corrupted_search_index_is_one_line(tmp_path: Path, founding_path: Path) -> None:
    db = _stored_db(tmp_path, founding_path)
    with contextlib.closing(sqlite3.connect(db)) as conn:
        conn.execute("UPDATE articles_fts_data SET block = x'0000ffff'")
        conn.commit()
    result = CliRunner().invoke(main, ["analyze", str(founding_path), "-q", "--db", f"sqlite:///{db}"])
    assert result.exit_code == 2
    [line] = result.output.splitlines()
    assert line.startswith(f"Error: sqlite:///{db}: cannot save the brief of article ")
    assert "database disk image is malformed" in line


def test_hardening_analyze_full_disk_is_one_line(tmp_path: Path, founding_path: Path) -> None:
    db = tmp_path / "r.db"
    with open_store(f"sqlite:///{db}"):
        pass
    # a 16 KB file-size limit: the write-ahead log of one brief outgrows it, and SQLite reports
    # "database or disk is full", as on a full disk
    limit = "import resource, signal; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); " \
            "resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))"
    # the language model unpacks into a temporary file: load it before the limit
    code = f"from redline.ingest import _identifier; _identifier(); {limit}; from redline.cli import main; main()"
    argv = [sys.executable, "-c", code, "analyze", str(founding_path), "-q", "--db", f"sqlite:///{db}"]
    result = subprocess.run(argv, capture_output=True, text=True, timeout=300)
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.splitlines()
    assert line.startswith(f"Error: sqlite:///{db}: ") and "disk" in line  # "disk I/O error" or "disk is full"


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_hardening_export_to_a_full_disk_is_one_line(tmp_path: Path, founding_path: Path, fmt: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full on this system")
    db = f"sqlite:///{_stored_db(tmp_path, founding_path)}"
    result = CliRunner().invoke(main, ["export", "-f", fmt, "-o", "/dev/full", "--db", db])
    assert (result.exit_code, result.output) == (
        2, "Error: /dev/full: cannot write the export (No space left on device)\n")


def test_hardening_backtest_plot_to_a_missing_folder_is_one_line() -> None:
    result = CliRunner().invoke(main, ["backtest", "--from", "2024-01-01", "--to", "2024-02-01", "--plot",
                                       "/nonexistent/x.png"])
    assert (result.exit_code, result.output) == (
        2, "Error: --plot: /nonexistent/x.png: the folder /nonexistent does not exist\n")


@pytest.mark.parametrize("command", ["skips", "events"])
def test_hardening_huge_limit_is_one_line(tmp_path: Path, command: str) -> None:
    db = f"sqlite:///{tmp_path / 'r.db'}"
    result = CliRunner().invoke(main, [command, "--limit", "99999999999999999999", "--db", db])
    assert result.exit_code == 2
    assert result.output.splitlines()[-1] == ("Error: Invalid value for '--limit' / '-n': 99999999999999999999 is not "
                                              "in the range 1<=x<=1000000000.")
