from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from europenews.errors import InputError
from europenews.ingest.files import decode_text, guess_title, read_file, read_stdin

DATA = Path(__file__).resolve().parent.parent / "data"


def test_files_txt_first_line_is_title(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("\nHeadline here\n\nBody text.\n", encoding="utf-8")
    [article] = list(read_file(path))
    assert article.title == "Headline here"
    assert article.text == "\nHeadline here\n\nBody text.\n"
    assert article.id == "a"


@pytest.mark.parametrize(
    ("data", "message"),
    [(b"\x00\x01\x02binary", "binary"), (b"caf\xe9 au lait", "not valid UTF-8")],
    ids=["binary", "latin1"],
)
def test_files_decode_refuses_bad_bytes(data: bytes, message: str) -> None:
    with pytest.raises(InputError, match=message):
        decode_text(data, "x.txt")


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be"])
def test_files_decode_reads_utf16_with_byte_order_mark(encoding: str) -> None:
    data = ("\ufeff" if encoding.endswith("be") else "") + "Zelenskyy met Kallas in Kyiv."
    assert decode_text(data.encode(encoding), "x.txt") == "Zelenskyy met Kallas in Kyiv."


def test_files_decode_refuses_broken_utf16() -> None:
    with pytest.raises(InputError, match="not valid UTF-16"):
        decode_text(b"\xff\xfe\x00\xd8", "x.txt")  # a lone high surrogate


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("EuropeNews\n\nUkraine Presses NATO Hard\n\nBody.", "Ukraine Presses NATO Hard"),
        ("Storm hits the coast\n\nBody text here.", "Storm hits the coast"),
        ("Short\n\nA long first paragraph that ends like a sentence.", "Short"),
        ("https://news.example.org/2024/storm\nStorm hits the coast\n\nBody.",
         "Storm hits the coast"),
        ("http : / / news . example . org / storm\nStorm hits the coast\nBody.",
         "Storm hits the coast"),
    ],
    ids=["masthead-skipped", "headline-first", "no-headline-below", "address-skipped",
         "spaced-address-skipped"],
)
def test_files_guess_title(text: str, title: str) -> None:
    assert guess_title(text) == title


def test_files_decode_drops_bom() -> None:
    assert decode_text("\ufeffhello".encode(), "x.txt") == "hello"


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", b"  \n\n", "empty text"),
        ("bad.json", b"{not json", "malformed JSON"),
        ("notext.json", b'{"title": "x"}', "missing 'text'"),
        ("x.pdf", b"%PDF-1.4", "unsupported file type"),
    ],
)
def test_files_bad_file_raises_input_error(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(InputError, match=message):
        list(read_file(path))


def test_files_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.txt: no such file"):
        list(read_file(tmp_path / "nope.txt"))


def test_files_jsonl_yields_errors_in_place(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    lines = [
        json.dumps({"id": "a", "text": "First article."}),
        "{broken",
        json.dumps({"text": "Third article, no id."}),
        json.dumps({"id": "d", "text": ""}),
    ]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path))
    assert [type(i).__name__ for i in items] == ["Article", "InputError", "Article", "InputError"]
    assert "batch.jsonl:2" in str(items[1])
    assert items[2].id == "batch:3"  # type: ignore[union-attr]


def test_files_json_keeps_metadata(tmp_path: Path) -> None:
    path = tmp_path / "one.json"
    obj = {"id": "x1", "title": "T", "text": "Body.", "url": "https://example.org/a",
           "published": "2024-12-01T10:00:00Z", "source": "example.org", "language": "en"}
    path.write_text(json.dumps(obj), encoding="utf-8")
    [article] = list(read_file(path))
    assert (article.id, article.url, article.published, article.source) == (
        "x1", "https://example.org/a", "2024-12-01T10:00:00Z", "example.org")


def test_files_html_extracts_main_text() -> None:
    [article] = list(read_file(DATA / "short.html"))
    assert "footbridge over the Rhône" in article.text
    assert "All rights reserved" not in article.text
    assert "Home" not in article.text.split()
    assert article.title == "Mayor opens bridge in Lyon"


def test_files_stdin_plain_text() -> None:
    [article] = list(read_stdin(io.BytesIO(b"Title\n\nSome text.")))
    assert article.text == "Title\n\nSome text."


def test_files_a_json_item_without_title_or_address_is_headed_by_its_first_line() -> None:
    from europenews.ingest.files import article_from_json

    local = article_from_json({"text": "Storm hits the coast\nThe storm came ashore."}, "x", "x")
    assert local.title == "Storm hits the coast"
    # An item from the web keeps what it came with: no title is no title.
    web = article_from_json({"text": "Storm hits the coast\nBody.", "url": "https://a.example/s"},
                            "x", "x")
    assert web.title is None
    given = article_from_json({"text": "First line\nBody.", "title": "Given"}, "x", "x")
    assert given.title == "Given"
