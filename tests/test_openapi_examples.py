"""The OpenAPI document's examples are true: sent as requests, each gets exactly its example.

Every JSON response and request body of the document carries an example of its own (else
Swagger UI makes one up from the schema: ``"unit": {}``, a 422's field errors on a 404). The
200s are the core's answer on the user's sample article; each error status has one problem,
worded as the service words it.
"""

import json
import re
from pathlib import Path

import pytest

from service.http import examples
from service.http.openapi import ERROR_RESPONSES
from service.limits import Limits

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_0e619e2cee358dda.txt"
JSON = {"Content-Type": "application/json"}


def test_the_packaged_seed_is_the_sample_article():
    assert SEED.read_text(encoding="utf-8") == examples.SEED_TEXT


@pytest.fixture(scope="module")
def spec():
    from service.http import create_app

    return create_app({"TESTING": True}).test_client().get("/openapi.json").get_json()


def operations(spec):
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            yield path, method, operation


def resolve(spec, response):
    if "$ref" in response:
        return spec["components"]["responses"][response["$ref"].rsplit("/", 1)[1]]
    return response


def test_every_json_response_and_body_has_an_example(spec):
    missing = []
    for path, method, operation in operations(spec):
        bodies = [("request", operation.get("requestBody", {}))]
        bodies += [(s, resolve(spec, r)) for s, r in operation["responses"].items()]
        for status, body in bodies:
            for media, content in body.get("content", {}).items():
                if "json" in media and path != "/openapi.json" and "example" not in content:
                    missing.append(f"{method.upper()} {path} {status} {media}")
    assert not missing, missing


def example_of(spec, path, method, status, media):
    response = resolve(spec, spec["paths"][path][method]["responses"][str(status)])
    return response["content"][media]["example"]


def test_the_claims_example_is_the_cores_with_no_made_up_objects(spec):
    example = example_of(spec, "/v1/extract", "post", 200, "application/json")
    assert [claim["text"] for claim in example["claims"]] == ["300 to 400", "an estimated 100"]
    for claim in example["claims"]:
        for name in ("unit", "normalized", "entity", "change", "source", "time", "subject"):
            assert claim[name] is None or claim[name], (name, claim[name])  # null, never {}
    assert example["claims"][0]["time"]["resolved"] == {"start": "2017-10-09", "end": "2017-10-13"}


def error_app(config=None):
    from service.http import create_app

    app = create_app({"TESTING": True, **(config or {})})

    @app.get("/boom")
    def boom():
        raise RuntimeError("a fault")

    return app


# (id, status, path, method, app config, how to send, what is not the example's: a regex)
REQUESTS = [
    ("extract-json", 200, "/v1/extract", dict(json=examples.EXTRACT_REQUEST), None),
    ("batch", 200, "/v1/extract/batch", dict(json=examples.BATCH_REQUEST), None),
    ("bad-json", 400, "/v1/extract", dict(data=examples.MALFORMED_JSON, headers=JSON), None),
    ("no-key", 401, "/v1/extract", dict(json={"text": ""}, config={"FIGURES_API_KEYS": "k"}), None),
    ("no-path", 404, "/nowhere", dict(method="GET"), None),
    ("wrong-method", 405, "/v1/extract", dict(method="GET"), None),
    (
        "too-large",
        413,
        "/v1/extract",
        dict(json={"text": "x" * (Limits.from_settings({}).max_text_bytes + 1)}),
        None,
    ),
    (
        "curl-d",
        415,
        "/v1/extract",
        dict(data="text=about 3 people", content_type=examples.FORM),
        None,
    ),
    ("typo", 422, "/v1/extract", dict(json=examples.UNKNOWN_FIELD), None),
    (
        "rate",
        429,
        "/v1/extract",
        dict(json={"text": ""}, config={"FIGURES_RATE_LIMIT": "100/minute"}, repeat=101),
        r"retry in \d+ s",
    ),
    ("fault", 500, "/boom", dict(method="GET"), None),
    ("warming", 503, "/readyz", dict(method="GET", config={"FIGURES_WARM": False}), None),
]


@pytest.mark.parametrize(
    ("status", "path", "how", "varies"), [pytest.param(*row[1:], id=row[0]) for row in REQUESTS]
)
def test_each_example_is_what_its_request_gets(spec, status, path, how, varies):
    how = dict(how)
    method, config, repeat = (
        how.pop("method", "POST"),
        how.pop("config", None),
        how.pop("repeat", 1),
    )
    client = error_app(config).test_client()
    for _ in range(repeat):
        response = client.open(path, method=method, **how)
    assert response.status_code == status
    if status < 400:
        example = example_of(spec, path, method.lower(), status, response.mimetype)
    else:  # one problem per status, listed once under components (401 and 429 too)
        component = spec["components"]["responses"][ERROR_RESPONSES[status][0]]
        example = component["content"][response.mimetype]["example"]
    answer = response.get_json()
    if varies:
        answer["detail"], example["detail"] = (
            re.sub(varies, "…", d) for d in (answer["detail"], example["detail"])
        )
    assert answer == example


def test_the_text_plain_example_gets_the_same_claims(spec):
    from service.http import create_app

    client = create_app({"TESTING": True}).test_client()
    body = spec["paths"]["/v1/extract"]["post"]["requestBody"]["content"]
    response = client.post(
        f"/v1/extract?reference_date={examples.SEED_DATE}",
        data=body["text/plain; charset=utf-8"]["example"].encode(),
        content_type="text/plain; charset=utf-8",
    )
    example = example_of(spec, "/v1/extract", "post", 200, "application/json")
    assert response.get_json() == {**example, "id": None}


@pytest.mark.parametrize(("path", "status"), [("/healthz", "ok"), ("/readyz", "ready")])
def test_probe_examples(spec, client, path, status):
    assert example_of(spec, path, "get", 200, "application/json") == client.get(path).get_json()
    assert client.get(path).get_json() == {"status": status}


def test_the_problem_schema_has_no_example_of_its_own(spec):
    """Else Swagger UI shows a 422's field errors in every status's made-up example."""
    problem = spec["components"]["schemas"]["Problem"]
    assert "example" not in json.dumps(problem)
