from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from redline.errors import SourceError
from redline.models import Skip
from redline.sources import read

HINT = "give a .txt, .md, .html, .json or .jsonl file"
BODY = "Russian forces shelled Kharkiv overnight, regional officials said on Tuesday.\n"

NEWS_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Strike on Kharkiv | Daily Wire Service</title></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Strike on Kharkiv</h1><p>Russian forces shelled Kharkiv overnight.</p></article>
</body></html>
"""


def write(path: Path, text: str) -> str:
    path.write_text(text, encoding="utf-8")
    return str(path)


def error_of(spec: str, **kwargs: object) -> str:
    with pytest.raises(SourceError) as info:
        list(read(spec, **kwargs))  # type: ignore[arg-type]
    return str(info.value)


def test_sources_text_with_headline(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "Escalation Fears Rise as War Enters 1000th Day\n" + BODY)
    [doc] = read(path)
    assert doc.title == "Escalation Fears Rise as War Enters 1000th Day"
    assert doc.text == BODY
    assert doc.origin == path
    assert doc.html is False


def test_sources_text_without_headline_keeps_first_sentence(tmp_path: Path) -> None:
    text = "Russian forces shelled Kharkiv overnight.\nOfficials said two people were hurt.\n"
    [doc] = read(write(tmp_path / "a.txt", text))
    assert doc.title is None
    assert doc.text == text


def test_sources_text_hard_wrapped_first_line_is_not_a_headline(tmp_path: Path) -> None:
    text = "Russian forces shelled Kharkiv overnight and\nhit a power station, officials said.\n"
    [doc] = read(write(tmp_path / "a.txt", text))
    assert doc.title is None
    assert doc.text == text


def test_sources_text_long_first_line_is_not_a_headline(tmp_path: Path) -> None:
    text = "A" * 201 + "\n" + BODY
    [doc] = read(write(tmp_path / "notes", text))
    assert doc.title is None


def test_sources_markdown_heading_is_the_title(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path / "a.md", "# Strike on Kharkiv.\n\n" + BODY))
    assert doc.title == "Strike on Kharkiv."
    assert doc.text == BODY


def test_sources_html_is_kept_raw(tmp_path: Path) -> None:
    [doc] = read(write(tmp_path / "page.html", NEWS_PAGE))
    assert doc.html is True
    assert doc.text == NEWS_PAGE
    assert doc.title is None


def test_sources_html_declared_windows_1251(tmp_path: Path) -> None:
    page = (
        '<html><head><meta charset="windows-1251"><title>Kyiv</title></head>'
        "<body><p>Kyiv under fire. Киев под обстрелом.</p></body></html>"
    )
    path = tmp_path / "cp.htm"
    path.write_bytes(page.encode("cp1251"))
    [doc] = read(str(path))
    assert "Киев под обстрелом" in doc.text
    assert doc.html is True


def test_sources_html_windows_1251_without_declaration_is_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "cp.html"
    path.write_bytes("<html><body><p>Kyiv\nКиев</p></body></html>".encode("cp1251"))
    assert error_of(str(path)) == (
        f"{path}: invalid UTF-8 at byte 20 (line 2, column 1) (re-save the file as UTF-8)"
    )


def test_sources_json_list(tmp_path: Path) -> None:
    records = [
        {"title": "One", "text": "First text.", "url": "https://x.example/1", "published": "2024-11-19"},
        {"title": "Two", "text": "Second text.", "date": "2024-11-20", "source": "VOA"},
    ]
    docs = list(read(write(tmp_path / "a.json", json.dumps(records))))
    assert [(d.title, d.text, d.url, d.published, d.source) for d in docs] == [
        ("One", "First text.", "https://x.example/1", "2024-11-19", None),
        ("Two", "Second text.", None, "2024-11-20", "VOA"),
    ]
    assert [d.origin for d in docs] == [f"{tmp_path / 'a.json'} record 1", f"{tmp_path / 'a.json'} record 2"]


def test_sources_json_single_object(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", json.dumps({"text": "Only text.", "title": "T"}))
    [doc] = read(path)
    assert (doc.title, doc.text, doc.origin) == ("T", "Only text.", path)


def test_sources_jsonl_records_skip_blank_lines(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "First."}), "", json.dumps({"text": "Second.", "published": "2024-11-19"})]
    path = write(tmp_path / "a.jsonl", "\n".join(lines) + "\n")
    docs = list(read(path))
    assert [(d.text, d.published, d.origin) for d in docs] == [
        ("First.", None, f"{path} line 1"),
        ("Second.", "2024-11-19", f"{path} line 3"),
    ]


def test_sources_published_overrides_every_document(tmp_path: Path) -> None:
    lines = [json.dumps({"text": "First.", "date": "2020-01-01"}), json.dumps({"text": "Second."})]
    path = write(tmp_path / "a.jsonl", "\n".join(lines))
    assert [d.published for d in read(path, published="2024-11-19")] == ["2024-11-19", "2024-11-19"]


def test_sources_stdin_text() -> None:
    [doc] = read("-", stdin=io.StringIO("Strike on Kharkiv\n" + BODY))
    assert (doc.origin, doc.title, doc.text, doc.html) == ("<stdin>", "Strike on Kharkiv", BODY, False)


def test_sources_stdin_bytes_html() -> None:
    [doc] = read("-", stdin=io.BytesIO(b"  \n" + NEWS_PAGE.encode("utf-8")))
    assert doc.html is True
    assert doc.origin == "<stdin>"


def test_sources_stdin_jsonl() -> None:
    stream = io.StringIO('{"text": "First."}\n{"text": "Second."}\n')
    assert [d.text for d in read("-", stdin=stream)] == ["First.", "Second."]


def test_sources_stdin_json_list() -> None:
    stream = io.BytesIO(b'[{"text": "First."}, {"text": "Second."}]')
    assert [d.text for d in read("-", stdin=stream)] == ["First.", "Second."]


def test_sources_stdin_empty() -> None:
    assert error_of("-", stdin=io.StringIO(" \n\t")) == "<stdin>: file is empty"


def test_sources_stdin_invalid_utf8() -> None:
    stream = io.BytesIO(b"ok\nab\xffc")
    assert error_of("-", stdin=stream) == (
        "<stdin>: invalid UTF-8 at byte 5 (line 2, column 3) (re-save the file as UTF-8)"
    )


def test_sources_utf8_bom_is_dropped(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbfStrike on Kharkiv\n" + BODY.encode())
    [doc] = read(str(path))
    assert doc.title == "Strike on Kharkiv"


def test_sources_utf16_with_bom_is_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(("Strike on Kharkiv\n" + BODY).encode("utf-16"))
    [doc] = read(str(path))
    assert (doc.title, doc.text) == ("Strike on Kharkiv", BODY)


def test_sources_missing_file(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.txt")
    assert error_of(path) == f"{path}: no such file"


def test_sources_directory(tmp_path: Path) -> None:
    assert error_of(str(tmp_path)) == (
        f"{tmp_path}: is a directory (give a file, or use 'redline ingest' for folders)"
    )


def test_sources_empty_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "")
    assert error_of(path) == f"{path}: file is empty"


def test_sources_whitespace_only_file(tmp_path: Path) -> None:
    path = write(tmp_path / "a.md", " \n\n\t \r\n")
    assert error_of(path) == f"{path}: file is empty"


def test_sources_binary_nul_byte(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"some text\x00\x01\x02 more")
    assert error_of(str(path)) == f"{path}: binary file, not text ({HINT})"


def test_sources_binary_pdf_magic(tmp_path: Path) -> None:
    path = tmp_path / "report.txt"
    path.write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    assert error_of(str(path)) == f"{path}: binary file, not text ({HINT})"


def test_sources_binary_zip_magic(tmp_path: Path) -> None:
    path = tmp_path / "data.json"
    path.write_bytes(b"PK\x03\x04\x14\x00\x00\x00")
    assert error_of(str(path)) == f"{path}: binary file, not text ({HINT})"


def test_sources_invalid_utf8(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes("Kyiv\nКиев ".encode() + b"\xe9t\xe9\n")
    assert error_of(str(path)) == (
        f"{path}: invalid UTF-8 at byte 14 (line 2, column 6) (re-save the file as UTF-8)"
    )


def test_sources_invalid_json(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '[{"text": "a"},\n {"text": }]')
    assert error_of(path) == f"{path}: invalid JSON at line 2, column 11: Expecting value"


def test_sources_invalid_jsonl_line_is_a_skip(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"text": "a"}\n{"text": "b",}\n{"text": "c"}\n')
    first, bad, last = read(path)
    assert (first.text, last.text) == ("a", "c")  # type: ignore[union-attr]
    assert bad == Skip(f"{path} line 2", "source",
                       f"{path}: line 2: invalid JSON: Expecting property name enclosed in double quotes")


def test_sources_jsonl_record_without_text_is_a_skip(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"text": "a"}\n\n{"title": "no body"}\n[1]\n')
    _, no_text, not_object = read(path)
    assert no_text == Skip(f"{path} line 3", "source", f'{path}: line 3: record has no "text" field')
    assert not_object == Skip(f"{path} line 4", "source", f"{path}: line 4: not a JSON object")


def test_sources_jsonl_without_any_record_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path / "a.jsonl", '{"title": "no body"}\nnot json\n')
    assert error_of(path) == f'{path}: line 1: record has no "text" field'


def test_sources_json_record_without_text_is_a_skip(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '[{"text": "a"}, {"title": "no body"}]')
    _, skip = read(path)
    assert skip == Skip(f"{path} record 2", "source", f'{path}: record 2: record has no "text" field')


def test_sources_json_text_not_a_string(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '[{"text": ["a"]}]')
    assert error_of(path) == f'{path}: record 1: "text" is a list, not a string'


def test_sources_json_empty_list(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", "[]")
    assert error_of(path) == f"{path}: file has no records (the JSON list is empty)"


def test_sources_json_scalar(tmp_path: Path) -> None:
    path = write(tmp_path / "a.json", '"just a string"')
    assert error_of(path) == f"{path}: expected a JSON object or a list of objects, got str"


def test_sources_unsupported_extension(tmp_path: Path) -> None:
    path = tmp_path / "report.PDF"
    path.write_bytes(b"%PDF-1.7")
    assert error_of(str(path)) == f"{path}: unsupported file type '.PDF' ({HINT})"


def test_sources_unsupported_docx(tmp_path: Path) -> None:
    path = tmp_path / "memo.docx"
    path.write_bytes(b"PK\x03\x04")
    assert error_of(str(path)) == f"{path}: unsupported file type '.docx' ({HINT})"


def test_sources_file_over_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "x" * 2_500_000)
    assert error_of(path, max_bytes=1_000_000) == (
        f"{path}: file is 2.5 MB, over the 1.0 MB limit "
        "(raise it with --setting max_text_bytes N; a file may be 50 times that)"
    )


def test_sources_stdin_over_size_limit() -> None:
    assert error_of("-", stdin=io.StringIO("x" * 2_000_001), max_bytes=2_000_000) == (
        "<stdin>: input is over the 2.0 MB limit "
        "(raise it with --setting max_text_bytes N; a file may be 50 times that)"
    )


def test_sources_relative_path_is_kept_as_given(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert error_of("sub/none.txt") == "sub/none.txt: no such file"
