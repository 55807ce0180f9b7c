"""Folders and globs: every supported file, in order; others passed over and counted; bad files are Skips."""

from __future__ import annotations

from pathlib import Path

import pytest

from redline.errors import SourceError
from redline.models import RawDocument, Skip
from redline.sources import read

STORY = "Russian forces shelled Kharkiv overnight, regional officials said on Tuesday.\n"


def tree(root: Path) -> Path:
    files = {
        "b.txt": "Kharkiv shelled\n" + STORY,
        "a.md": "# Drones over Kyiv\n\n" + STORY,
        "sub/c.jsonl": '{"text": "one"}\n{"text": "two"}\n',
        "sub/deeper/d.html": "<html><body><p>Page</p></body></html>",
        "sub/corpus.csv": "title,text\nRow,Row text.\n",
        "sub/empty.txt": "",
        "notes/report.pdf": "%PDF-1.7",
        "notes/README": "no extension",
        "notes/photo.JPG": "jpeg",
        ".git/config": "[core]",
        ".hidden.txt": STORY,
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return root


def test_walk_folder_reads_supported_files_in_order(tmp_path: Path) -> None:
    root = tree(tmp_path / "corpus")
    reading = read(str(root), folders=True)
    items = list(reading)
    assert [i.origin for i in items] == [
        f"{root}/a.md",
        f"{root}/b.txt",
        f"{root}/sub/c.jsonl line 1",
        f"{root}/sub/c.jsonl line 2",
        f"{root}/sub/corpus.csv row 1",
        f"{root}/sub/empty.txt",
        f"{root}/sub/deeper/d.html",
    ]
    assert items[5] == Skip(f"{root}/sub/empty.txt", "source", f"{root}/sub/empty.txt: file is empty")
    assert reading.ignored == {"hidden": 2, "unsupported .pdf": 1, "unsupported (no extension)": 1,
                               "unsupported .jpg": 1}


def test_walk_folder_without_the_flag_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as err:
        read(str(tmp_path))
    assert str(err.value) == f"{tmp_path}: is a directory (give a file, or use 'redline ingest' for folders)"


def test_walk_glob(tmp_path: Path) -> None:
    root = tree(tmp_path / "corpus")
    docs = list(read(f"{root}/**/*.txt", folders=True))
    assert [d.origin for d in docs] == [f"{root}/b.txt", f"{root}/sub/empty.txt"]
    assert isinstance(docs[0], RawDocument) and docs[0].title == "Kharkiv shelled"


def test_walk_glob_matching_a_folder_walks_it(tmp_path: Path) -> None:
    root = tree(tmp_path / "corpus")
    docs = list(read(f"{root}/su?", folders=True))
    assert len(docs) == 5


def test_walk_glob_without_matches(tmp_path: Path) -> None:
    with pytest.raises(SourceError) as err:
        read(f"{tmp_path}/*.jsonl", folders=True)
    assert str(err.value) == f"{tmp_path}/*.jsonl: no files match"


def test_walk_bad_file_does_not_stop_the_walk(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("[{]", encoding="utf-8")
    (tmp_path / "b.txt").write_text(STORY, encoding="utf-8")
    first, second = read(str(tmp_path), folders=True)
    assert first == Skip(f"{tmp_path}/a.json", "source",
                         f"{tmp_path}/a.json: invalid JSON at line 1, column 3: Expecting property name enclosed "
                         f"in double quotes")
    assert isinstance(second, RawDocument) and second.origin == f"{tmp_path}/b.txt"


def test_walk_is_lazy(tmp_path: Path) -> None:
    for i in range(3):
        (tmp_path / f"{i}.txt").write_text(STORY, encoding="utf-8")
    reading = read(str(tmp_path), folders=True)
    first = next(reading)
    (tmp_path / "2.txt").unlink()  # not read yet: the walk finds it gone and says so
    rest = list(reading)
    assert first.origin == f"{tmp_path}/0.txt"
    assert rest[-1] == Skip(f"{tmp_path}/2.txt", "source", f"{tmp_path}/2.txt: no such file")
