import io
import json
import subprocess
import sys
from dataclasses import asdict
from pathlib import Path

import pytest

from service.cli import main

SEED = Path(__file__).parent.parent / "seeds" / "000_0e619e2cee358dda.txt"


def lines_of(output):
    return [json.loads(line) for line in output.splitlines()]


def test_extract_file(capsys, seed_text):
    assert main(["extract", str(SEED)]) == 0
    claims = lines_of(capsys.readouterr().out)
    assert claims
    for claim in claims:
        assert claim["document"] == str(SEED)
        assert seed_text[claim["start"] : claim["end"]] == claim["text"]
    assert list(claims[0])[:4] == ["document", "text", "start", "end"]


def test_extract_matches_the_core(capsys, extract, seed_text):
    main(["extract", str(SEED)])
    claims = lines_of(capsys.readouterr().out)
    expected = [json.loads(json.dumps(asdict(claim))) for claim in extract(seed_text)]
    assert [{k: v for k, v in c.items() if k != "document"} for c in claims] == expected


def test_extract_stdin(capsys, monkeypatch):
    text = "Officials said about 3,000 people fled."
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(text.encode())))
    assert main(["extract"]) == 0
    for claim in lines_of(capsys.readouterr().out):
        assert claim["document"] == "-"
        assert text[claim["start"] : claim["end"]] == claim["text"]


def test_extract_pretty(capsys):
    assert main(["extract", "--pretty", str(SEED)]) == 0
    out = capsys.readouterr().out
    assert out.startswith('{\n  "document": ')
    decoder, position, count = json.JSONDecoder(), 0, 0
    while position < len(out.rstrip()):
        _, position = decoder.raw_decode(out, position)
        position += 1
        count += 1
    assert count >= 1


def test_extract_no_figures(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    assert main(["extract", str(empty)]) == 0
    assert capsys.readouterr().out == ""


def test_extract_reports_unreadable_files_and_goes_on(capsys, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Caf\xe9 12 people")
    missing = tmp_path / "missing.txt"
    assert main(["extract", str(latin), str(missing), str(SEED)]) == 1
    out, err = capsys.readouterr()
    assert f"figures: {latin}: not UTF-8 (byte 3)" in err
    assert f"figures: {missing}: No such file or directory" in err
    assert {c["document"] for c in lines_of(out)} == {str(SEED)}


def test_usage_errors_exit_2(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main([])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["serve", "--port", "many"])
    assert exit_info.value.code == 2


def test_console_script_is_installed():
    result = subprocess.run(
        [str(Path(sys.executable).parent / "figures"), "extract", str(SEED)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert lines_of(result.stdout)
