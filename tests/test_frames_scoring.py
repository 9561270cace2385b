"""The frame scorer of ``benchmarks.frames``, on small made-up rows, and its table loader.

No test here runs the core: predictions come from a stand-in ``predict``.
"""

import copy
import json

import pytest

from benchmarks.frames import (
    FIELDS,
    NOT_RETURNED,
    SCORED,
    FrameTableError,
    evaluate,
    format_report,
    judge,
    load_frames,
    match,
    score_field,
    write_floor,
)

SHRANK = {"direction": "down", "role": "by", "trigger": "shrank"}
DOCKS = {"text": "the port authority", "cue": "said"}
JUNE = {"text": "in June", "resolved": {"start": "2023-06-01", "end": "2023-06-30"}}
JUNE_2022 = {"text": "in June", "resolved": {"start": "2022-06-01", "end": "2022-06-30"}}

# name, gold, predicted, (TP, FP, FN), failure class
JUDGED = {
    "change-tp": ("change", SHRANK, dict(SHRANK), (1, 0, 0), None),
    "change-missing": ("change", SHRANK, None, (0, 0, 1), "missing (predicted null)"),
    "change-spurious": ("change", None, SHRANK, (0, 1, 0), "spurious (gold null)"),
    "change-both-null": ("change", None, None, (0, 0, 0), None),
    "change-wrong-role": ("change", SHRANK, {**SHRANK, "role": "to"}, (0, 1, 1), "wrong role"),
    "change-wrong-direction": (
        "change", SHRANK, {**SHRANK, "direction": "up"}, (0, 1, 1), "wrong direction",
    ),
    "change-wrong-trigger": (
        "change", SHRANK, {**SHRANK, "trigger": "down"}, (0, 1, 1), "wrong trigger",
    ),
    "change-wrong-role-and-trigger": (
        "change", SHRANK, {**SHRANK, "role": "from", "trigger": "a"}, (0, 1, 1),
        "wrong role+trigger",
    ),
    "source-tp": ("source", DOCKS, dict(DOCKS), (1, 0, 0), None),
    "source-wrong-speaker": (
        "source", DOCKS, {**DOCKS, "text": "the port"}, (0, 1, 1), "wrong speaker",
    ),
    "source-wrong-cue": ("source", DOCKS, {**DOCKS, "cue": "told"}, (0, 1, 1), "wrong cue"),
    "time-tp": ("time", JUNE, copy.deepcopy(JUNE), (1, 0, 0), None),
    "time-right-text-wrong-resolution": (
        "time", JUNE, JUNE_2022, (0, 1, 1), "wrong resolution (text right)",
    ),
    "time-text-only-ignores-resolution": ("time_text", JUNE, JUNE_2022, (1, 0, 0), None),
    "time-resolved-null-on-both": (
        "time", {"text": "recently", "resolved": None}, {"text": "recently", "resolved": None},
        (1, 0, 0), None,
    ),
    "time-resolved-null-in-one": (
        "time", {"text": "recently", "resolved": None}, {**JUNE, "text": "recently"}, (0, 1, 1),
        "wrong resolution (text right)",
    ),
    "time-shorter-text": (
        "time", {**JUNE, "text": "early in June"}, JUNE, (0, 1, 1),
        "wrong text, shorter (resolution right)",
    ),
    "time-text-only-wrong-text": (
        "time_text", JUNE, {**JUNE, "text": "June"}, (0, 1, 1), "wrong span, shorter",
    ),
    "subject-tp": ("subject", "Grain exports", "Grain exports", (1, 0, 0), None),
    "subject-longer": (
        "subject", "exports", "Grain exports", (0, 1, 1), "wrong span, longer",
    ),
    "subject-elsewhere": ("subject", "exports", "the port", (0, 1, 1), "wrong span, elsewhere"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("name", "gold", "predicted", "counts", "failure"),
    [pytest.param(*case, id=case_id) for case_id, case in JUDGED.items()],
)
def test_judge(name, gold, predicted, counts, failure):
    tp, fp, fn, got = judge(name, gold, predicted)
    assert ((tp, fp, fn), got) == (counts, failure)


def _claim(text, **frames):
    """A predicted claim as ``benchmarks.frames.core`` returns it: every field, null if unset."""
    return {"text": text, **{name: frames.get(name) for name in FIELDS}}


def _row(row_id, text, claims, **extra):
    return {"id": row_id, "topic": row_id.split("-")[0], "text": text, "claims": claims, **extra}


TEXT = "Grain exports shrank 12% to 3.1 million tonnes in June, the port authority said."
ROW = _row(
    "economy-grain",
    TEXT,
    [
        {"text": "12%", "change": SHRANK},
        {"text": "3.1 million tonnes", "change": {**SHRANK, "role": "to"}},
    ],
)


def _stand_in(claims):
    """Return a ``predict`` that gives ``claims`` for any row."""
    return lambda text, reference_date: claims


# predicted claims for ROW, (TP, FP, FN, not returned, extra), failure classes
SCORED_ROWS = {
    "all-right": (
        [_claim("12%", change=SHRANK),
         _claim("3.1 million tonnes", change={**SHRANK, "role": "to"})],
        (2, 0, 0, 0, 0), {},
    ),
    "one-wrong-role": (
        [_claim("12%", change=SHRANK), _claim("3.1 million tonnes", change=SHRANK)],
        (1, 1, 1, 0, 0), {"wrong role": 1},
    ),
    "one-not-returned": (
        [_claim("12%", change=SHRANK)], (1, 0, 1, 1, 0), {NOT_RETURNED: 1},
    ),
    "none-returned": ([], (0, 0, 2, 2, 0), {NOT_RETURNED: 2}),
    "renamed-claim-is-extra": (
        [_claim("12%", change=SHRANK), _claim("3.1 million", change=SHRANK)],
        (1, 0, 1, 1, 1), {NOT_RETURNED: 1},
    ),
    "all-null": (
        [_claim("12%"), _claim("3.1 million tonnes")], (0, 0, 2, 0, 0),
        {"missing (predicted null)": 2},
    ),
}  # fmt: skip


@pytest.mark.parametrize(
    ("predicted", "counts", "classes"),
    [pytest.param(*case, id=case_id) for case_id, case in SCORED_ROWS.items()],
)
def test_score_field_on_one_row(predicted, counts, classes):
    score = score_field("change", [ROW], _stand_in(predicted))
    assert (score.tp, score.fp, score.fn, score.not_returned, score.extra) == counts
    assert dict(score.classes) == classes
    assert (score.rows, score.claims, score.gold) == (1, 2, 2)
    assert len(score.failures) == sum(classes.values())


def test_a_claim_not_returned_with_a_null_gold_is_no_false_negative():
    row = _row("sport-goals", "Lowick won 3-1 with 9 men.", [{"text": "9", "change": None}])
    score = score_field("change", [row], _stand_in([]))
    assert (score.tp, score.fp, score.fn, score.not_returned) == (0, 0, 0, 1)
    assert score.failures == []


def test_a_failure_names_the_row_the_claim_gold_and_predicted():
    wrong = {**SHRANK, "direction": "up"}
    score = score_field("change", [ROW], _stand_in([_claim("12%", change=wrong)]))
    assert score.failures[0] == {
        "id": "economy-grain", "claim": "12%", "class": "wrong direction",
        "gold": SHRANK, "predicted": wrong,
    }  # fmt: skip
    assert score.failures[1]["class"] == NOT_RETURNED
    assert score.failures[1]["predicted"] is None


def test_repeated_claim_texts_pair_in_order():
    gold = [{"text": "4"}, {"text": "7"}, {"text": "4"}]
    found = [{"text": "4", "n": 1}, {"text": "4", "n": 2}, {"text": "7", "n": 3}]
    assert [p and p["n"] for p in match(gold, found)] == [1, 3, None]


def test_precision_recall_f1_and_topics():
    other = _row(
        "crime-fine", "The firm was fined $2m.", [{"text": "$2m", "change": None}]
    )  # the core wrongly calls the fine a change: a false positive in crime
    predicted = {
        TEXT: [_claim("12%", change=SHRANK), _claim("3.1 million tonnes")],
        other["text"]: [_claim("$2m", change=SHRANK)],
    }
    score = score_field("change", [ROW, other], lambda text, _: predicted[text])
    assert (score.tp, score.fp, score.fn) == (1, 1, 1)
    assert (score.precision, score.recall, score.f1) == (0.5, 0.5, 0.5)
    assert score.topics["economy"].f1 == pytest.approx(2 / 3)
    assert (score.topics["crime"].precision, score.topics["crime"].f1) == (0.0, 0.0)


def test_nothing_predicted_nothing_expected_is_zero_not_an_error():
    score = score_field("subject", [], _stand_in([]))
    assert (score.precision, score.recall, score.f1) == (0.0, 0.0, 0.0)


def test_the_reference_date_is_passed_when_the_row_has_one():
    seen = []
    rows = [
        _row("weather-a", "It rained 5 mm.", [{"text": "5 mm", "time": None}],
             reference_date="2024-02-29"),
        _row("weather-b", "It rained 6 mm.", [{"text": "6 mm", "time": None}]),
    ]  # fmt: skip
    score_field("time", rows, lambda text, reference: seen.append(reference) or [])
    assert seen == ["2024-02-29", None]


def test_a_raising_core_finds_nothing_and_is_counted():
    def broken(text, reference_date):
        raise RuntimeError("boom")

    score = score_field("change", [ROW], broken)
    assert (score.errors, score.fn, score.not_returned) == (1, 2, 2)


def test_evaluate_and_the_report():
    tables = {"change": [ROW], "time": [], "source": [], "subject": []}
    report = evaluate(SCORED, _stand_in([_claim("12%", change=SHRANK)]), tables)
    assert list(report["fields"]) == list(SCORED)
    change = report["fields"]["change"]
    assert (change["tp"], change["fn"], change["not_returned"]) == (1, 1, 1)
    assert change["topics"]["economy"]["f1"] == pytest.approx(2 / 3)
    text = format_report(report, failures=True)
    assert "economy-grain" in text
    assert NOT_RETURNED in text
    json.dumps(report)  # --json writes it as it is


def test_the_gold_itself_scores_one_on_every_table():
    tables = {name: load_frames(name) for name in FIELDS}
    gold = {
        row["text"]: [_claim(c["text"], **{n: c[n]}) for c in row["claims"]]
        for n, rows in tables.items()
        for row in rows
        if n in ("change", "source")
    }
    for n in ("subject", "time"):  # the paired tables: the same texts, one more field each
        for row in tables[n]:
            for claim, found in zip(row["claims"], gold[row["text"]], strict=True):
                found[n] = claim[n]
    report = evaluate(SCORED, lambda text, _: gold[text], tables)
    for name, m in report["fields"].items():
        assert (m["precision"], m["recall"], m["f1"], m["fp"], m["fn"]) == (1, 1, 1, 0, 0), name


# --- The floor file ---------------------------------------------------------------------------


def _report(commit, **f1):
    return {
        "measured_at": {"date": "2025-01-02", "commit": commit},
        "fields": {name: {"precision": v, "recall": v, "f1": v} for name, v in f1.items()},
    }


def test_write_floor_raises_and_never_lowers(tmp_path):
    path = tmp_path / "floor.json"
    assert write_floor(_report("aaa", change=0.5, time=0.4), path) == []
    dropped = write_floor(_report("bbb", change=0.6789, time=0.3), path)
    floors = json.loads(path.read_text(encoding="utf-8"))["fields"]
    assert floors["change"]["f1"] == 0.678  # rounded down
    assert floors["change"]["measured_at"]["commit"] == "bbb"
    assert floors["time"]["f1"] == 0.4  # kept: the figure dropped
    assert floors["time"]["measured_at"]["commit"] == "aaa"
    assert len(dropped) == 3
    write_floor(_report("ccc", subject=0.1), path)  # a field alone leaves the others
    floors = json.loads(path.read_text(encoding="utf-8"))["fields"]
    assert set(floors) == {"change", "time", "subject"}


# --- The loader -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", FIELDS)
def test_every_table_loads(name):
    rows = load_frames(name)
    assert rows
    assert all(row["claims"] is not None for row in rows)


@pytest.mark.parametrize(("one", "other"), [("change", "subject"), ("source", "time")])
def test_paired_tables_hold_the_same_rows(one, other):
    def texts(name):
        return [(row["id"], row["text"], [c["text"] for c in row["claims"]])
                for row in load_frames(name)]  # fmt: skip

    assert texts(one) == texts(other)


GOOD = {
    "change": _row("markets-oil", "Oil fell 2% to $80 on Monday.",
                   [{"text": "2%", "change": {"direction": "down", "role": "by",
                                              "trigger": "fell"}},
                    {"text": "$80", "change": None}]),
    "source": _row("markets-oil", "Oil fell 2%, traders said.",
                   [{"text": "2%", "source": {"text": "traders", "cue": "said"}}],
                   reference_date="2024-03-04"),
    "time": _row("markets-oil", "Oil fell 2% on Monday.",
                 [{"text": "2%", "time": {"text": "on Monday", "resolved":
                                          {"start": "2024-03-04", "end": "2024-03-04"}}}],
                 reference_date="2024-03-04"),
    "subject": _row("markets-oil", "Oil fell 2%.", [{"text": "2%", "subject": "Oil"}]),
}  # fmt: skip


def _broken(name, edit):
    row = copy.deepcopy(GOOD[name])
    edit(row)
    return name, [row]


def _set(*path, to):
    def edit(row):
        target = row
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = to

    return edit


def _drop(key):
    return lambda row: row.pop(key)


MALFORMED = {
    "unknown-row-key": _broken("change", _set("source", to="x")),
    "missing-text": _broken("change", _drop("text")),
    "missing-claims": _broken("subject", _drop("claims")),
    "missing-reference-date": _broken("time", _drop("reference_date")),
    "topic-not-the-id": _broken("change", _set("topic", to="sport")),
    "unknown-topic": _broken("change", _set("id", to="finance-oil")),
    "trap-false": _broken("change", _set("trap", to=False)),
    "claim-not-in-text": _broken("change", _set("claims", 0, "text", to="3%")),
    "claims-out-of-order": _broken(
        "change", lambda row: row["claims"].reverse()
    ),
    "claim-unknown-key": _broken("subject", _set("claims", 0, "change", to=None)),
    "claim-wrong-field": _broken("subject", lambda row: row["claims"][0].update(
        {"change": row["claims"][0].pop("subject")})),
    "bad-direction": _broken("change", _set("claims", 0, "change", "direction", to="down-ish")),
    "bad-role": _broken("change", _set("claims", 0, "change", "role", to="at")),
    "trigger-not-in-text": _broken("change", _set("claims", 0, "change", "trigger", to="dropped")),
    "change-missing-key": _broken(
        "change", lambda row: row["claims"][0]["change"].pop("trigger")
    ),
    "speaker-not-in-text": _broken("source", _set("claims", 0, "source", "text", to="Traders")),
    "cue-not-in-text": _broken("source", _set("claims", 0, "source", "cue", to="told")),
    "time-not-in-text": _broken("time", _set("claims", 0, "time", "text", to="on monday")),
    "invalid-date": _broken("time", _set("claims", 0, "time", "resolved", "end", to="2024-02-30")),
    "date-not-iso": _broken("time", _set("claims", 0, "time", "resolved", "start", to="4/3/2024")),
    "start-after-end": _broken(
        "time", _set("claims", 0, "time", "resolved", "start", to="2024-03-05")
    ),
    "invalid-reference-date": _broken("source", _set("reference_date", to="2024-13-01")),
    "subject-not-in-text": _broken("subject", _set("claims", 0, "subject", to="Gas")),
    "subject-empty": _broken("subject", _set("claims", 0, "subject", to="")),
    "duplicate-id": ("change", [GOOD["change"], GOOD["change"]]),
}  # fmt: skip


def test_the_well_formed_rows_load(tmp_path):
    for name, row in GOOD.items():
        path = tmp_path / f"{name}.json"
        path.write_text(json.dumps([row]), encoding="utf-8")
        assert load_frames(name, path) == [row]


@pytest.mark.parametrize(
    ("name", "rows"), [pytest.param(*case, id=case_id) for case_id, case in MALFORMED.items()]
)
def test_loader_raises_on_a_malformed_row(tmp_path, name, rows):
    path = tmp_path / f"{name}.json"
    path.write_text(json.dumps(rows), encoding="utf-8")
    with pytest.raises(FrameTableError):
        load_frames(name, path)
