"""The claim's response schemas and its dump, derived from ``service.core.model``.

The core's field names are the public contract, so the schemas add no field and rename none:
they are made from the dataclasses (``from_model``), and so is ``dump_claim``
(``service.dicts``). Only what the OpenAPI document says of each field is written here, in
``ABOUT``; ``tests/test_shape.py`` fails until every field of the model has its line.
"""

from service.core.model import Change, Claim, DateRange, Normalized, Source, Span, Time, Unit
from service.dicts import converter
from service.json_text import json_texts, json_writer

from .from_model import About, schemas_of

# What the OpenAPI document says of each field of the claim and of its parts.
ABOUT: About = {
    Span: {
        "text": "The exact characters.",
        "start": "Offset of the first one.",
        "end": "Offset one past the last.",
    },
    Unit: {
        "name": 'e.g. "kilometre"',
        "symbol": 'e.g. "km"',
        "dimension": 'e.g. "length"',
        "surface": "The unit as written.",
    },
    Normalized: {
        "value": "null: range",
        "low": "null: open",
        "high": "null: open",
        "unit": '"m", "kg", "USD", "%", …',
    },
    Claim: {
        "text": "input[start:end]",
        "start": "Offset of the first code point.",
        "end": "Offset one past the last.",
        "value": "The stated number; null: range.",
        "low": "Lower bound; null when open.",
        "high": "Upper bound; null when open.",
        "relation": "How the number bounds the amount.",
        "approximate": 'Hedged ("about").',
        "unit": "The unit as stated; null for a bare count.",
        "normalized": "In SI or ISO 4217 units; null for a bare count.",
        "entity": "The counted or measured thing, when the sentence names it.",
        "kind": "What the amount is.",
        "sentence": "The sentence that holds the claim.",
        "change": 'A stated change the figure takes part in ("rose from 4.1% to 4.4%").',
        "source": 'Who states the figure ("the coalition estimated"); null: not attributed.',
        "time": 'When the figure holds ("in March", "last year"); null: not stated.',
        "subject": 'What the figure measures or counts ("Unemployment", "militants").',
    },
    Change: {
        "direction": '"up" or "down".',
        "role": '"by" the amount of change, "from" the earlier level, "to" the new level.',
        "trigger": 'The word or phrase that states the change ("rose", "a fall of").',
    },
    Source: {
        "text": 'The speaker as written ("the health ministry", "he").',
        "start": "Offset of the first code point.",
        "end": "Offset one past the last.",
        "cue": 'The reporting verb or phrase ("said", "according to").',
    },
    Time: {
        "text": 'The time as written, with its preposition ("earlier in the week").',
        "start": "Offset of the first code point.",
        "end": "Offset one past the last.",
        "resolved": "The days it denotes given the request's reference_date; null without one.",
    },
    DateRange: {
        "start": "First day, YYYY-MM-DD.",
        "end": "Last day, YYYY-MM-DD.",
    },
}

_SCHEMAS = schemas_of(Claim, ABOUT)
ClaimSchema = _SCHEMAS[Claim]
SpanSchema = _SCHEMAS[Span]
UnitSchema = _SCHEMAS[Unit]
NormalizedSchema = _SCHEMAS[Normalized]

# dump_claim(claim) is ``ClaimSchema().dump(claim)``, built directly: the same keys, order and
# values. Why not the schema: marshmallow walks 30 field objects per claim, 20 µs each time,
# which was a seventh of a 3 KB request's cost in ``benchmarks.perf`` and most of what kept its
# p99 above five times ``/healthz``'s. The schemas stay the contract (OpenAPI, validation);
# ``tests/test_http_extract.py`` checks this twin against ``ClaimSchema`` on every claim of
# the case tables. Floats as ``fields.Float`` dumps them (an int becomes 2.0 in JSON).
dump_claim = converter(Claim, floats=True)

# write_claim(claim) is the JSON text of dump_claim(claim) as the answer carries it (compact),
# written without the dict: the single-text answer's hot path (service/json_text.py says why).
write_claim = json_writer(Claim)
# write_claims(claims) yields write_claim(claim) of each, sharing the text of shared parts.
write_claims = json_texts(Claim)
