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


EXPLAIN_TEXT = "In 2019 the ferry ran late; on 14 October 2017 about 80 passengers waited."


@pytest.mark.parametrize("pretty", [False, True], ids=["compact", "pretty"])
def test_extract_explain(capsys, monkeypatch, extract, pretty):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(EXPLAIN_TEXT.encode())))
    assert main(["extract", "--explain", *(["--pretty"] if pretty else [])]) == 0
    out = capsys.readouterr().out
    answer = json.loads(out)  # one object for the one document
    assert ("\n  " in out) == pretty
    assert list(answer) == ["document", "claims", "rejected"]
    assert answer["document"] == "-"
    assert answer["claims"] == [json.loads(json.dumps(asdict(c))) for c in extract(EXPLAIN_TEXT)]
    rejected = answer["rejected"]
    assert [r["start"] for r in rejected] == sorted(r["start"] for r in rejected)
    for rejection in rejected:
        assert list(rejection) == ["text", "start", "end", "reason"]
        assert EXPLAIN_TEXT[rejection["start"] : rejection["end"]] == rejection["text"]
        for claim in answer["claims"]:
            assert rejection["end"] <= claim["start"] or claim["end"] <= rejection["start"]
    reasons = {r["text"]: r["reason"] for r in rejected}
    assert reasons["2019"] == "year"
    assert reasons["14 October 2017"] == "date"


def test_extract_explain_one_object_per_file(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    missing = tmp_path / "missing.txt"
    assert main(["extract", "--explain", str(SEED), str(missing), str(empty)]) == 1
    out, err = capsys.readouterr()
    assert f"figures: {missing}: No such file or directory" in err
    seed, nothing = lines_of(out)
    assert seed["document"] == str(SEED)
    assert seed["claims"]
    assert any(r["reason"] == "date" for r in seed["rejected"])
    assert nothing == {"document": str(empty), "claims": [], "rejected": []}


def test_extract_without_explain_is_unchanged(capsys):
    main(["extract", str(SEED)])
    plain = lines_of(capsys.readouterr().out)
    main(["extract", "--explain", str(SEED)])
    (explained,) = lines_of(capsys.readouterr().out)
    assert [{k: v for k, v in c.items() if k != "document"} for c in plain] == explained["claims"]
    assert all("rejected" not in claim for claim in plain)


def test_module_runs_the_command():
    result = subprocess.run(
        [sys.executable, "-m", "service.cli", "extract", "--explain"],
        input="The mill closed in 2019.",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=Path(__file__).parent.parent,
    )
    assert result.returncode == 0, result.stderr
    (answer,) = lines_of(result.stdout)
    assert [(r["text"], r["reason"]) for r in answer["rejected"]] == [("2019", "year")]
