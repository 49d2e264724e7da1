"""The one JSON-lines reader: objects with their line numbers, and every bad line named."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from europenews.errors import InputError
from europenews.ingest.jsonl import parse_jsonl, read_jsonl, text_lines


def test_jsonl_parse_numbers_lines_and_skips_blank_ones() -> None:
    lines = ['{"text": "Ferries resume."}', "", '  ', '{"text": "Bridge closes."}']
    assert list(parse_jsonl(lines, "in.jsonl")) == [
        (1, {"text": "Ferries resume."}), (4, {"text": "Bridge closes."})]


@pytest.mark.parametrize(("line", "message"), [
    ("{broken", "in.jsonl:2: malformed JSON"),
    ("[1, 2]", "in.jsonl:2: not a JSON object"),
], ids=["malformed", "not-an-object"])
def test_jsonl_parse_names_the_bad_line_and_goes_on(line: str, message: str) -> None:
    items = list(parse_jsonl(['{"a": 1}', line, '{"b": 2}'], "in.jsonl"))
    assert items[0] == (1, {"a": 1}) and items[2] == (3, {"b": 2})
    assert isinstance(items[1], InputError) and str(items[1]).startswith(message)


def test_jsonl_text_lines_keep_a_raw_line_separator_inside_a_string() -> None:
    text = '{"text": "one\u2028two"}\r\n{"text": "three"}\r{"text": "four"}\n'
    items = list(parse_jsonl(text_lines(text), "x"))
    assert [item[1]["text"] for item in items if not isinstance(item, InputError)] == [
        "one\u2028two", "three", "four"]


@pytest.mark.parametrize("name", ["set.jsonl", "set.jsonl.gz"], ids=["plain", "gzip"])
def test_jsonl_read_streams_a_file_up_to_the_limit(tmp_path: Path, name: str) -> None:
    data = '{"id": "a"}\n{"id": "b"}\n{not json\n'
    path = tmp_path / name
    path.write_bytes(gzip.compress(data.encode()) if name.endswith(".gz") else data.encode())
    # The limit is reached before the broken third line, which is then never read.
    assert [r["id"] for r in read_jsonl(path, limit=2)] == ["a", "b"]
    with pytest.raises(InputError, match=r"set\.jsonl(\.gz)?:3: malformed JSON"):
        list(read_jsonl(path))


def test_jsonl_read_missing_file_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        list(read_jsonl(tmp_path / "absent.jsonl"))
