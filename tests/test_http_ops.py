import dataclasses
import os
import re
import subprocess
import sys
from typing import get_args

import pytest
from openapi_spec_validator import validate
from prometheus_client.parser import text_string_to_metric_families

from service.core.model import Claim, Kind, Relation

ERROR_STATUSES = {"400", "404", "405", "413", "415", "422", "500"}


def test_healthz(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.get_json() == {"status": "ok"}


def test_readyz_waits_for_warm(make_app):
    app = make_app({"TESTING": True, "FIGURES_WARM": False})
    client = app.test_client()
    cold = client.get("/readyz")
    assert cold.status_code == 503
    assert cold.mimetype == "application/problem+json"
    assert cold.headers["Retry-After"] == "5"
    assert cold.get_json() == {
        "type": "about:blank",
        "title": "Service Unavailable",
        "status": 503,
        "detail": "The extractor is still warming up.",
    }
    assert client.get("/healthz").status_code == 200  # alive all the same
    app.extensions["figures"].warm()
    warm = client.get("/readyz")
    assert warm.status_code == 200
    assert warm.mimetype == "application/json"
    assert warm.get_json() == {"status": "ready"}


def sample(metrics_text, name, **labels):
    """Return the value of one sample of the Prometheus text, or None."""
    for family in text_string_to_metric_families(metrics_text):
        for found in family.samples:
            if found.name == name and found.labels == labels:
                return found.value
    return None


def test_metrics(client, seed_text):
    client.post("/v1/extract", json={"text": seed_text})
    client.post("/v1/extract", json={"text": seed_text})
    client.post("/v1/extract", json={})
    client.get("/nope")
    claims = len(client.post("/v1/extract", json={"text": seed_text}).get_json()["claims"])

    response = client.get("/metrics")
    assert response.status_code == 200
    assert response.mimetype == "text/plain"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    text = response.text
    ok = {"endpoint": "/v1/extract", "method": "POST", "status": "200"}
    assert sample(text, "figures_http_requests_total", **ok) == 3
    assert sample(text, "figures_http_request_duration_seconds_count", **ok) == 3
    assert sample(text, "figures_http_request_duration_seconds_bucket", **ok, le="+Inf") == 3
    bad = {"endpoint": "/v1/extract", "method": "POST", "status": "422"}
    assert sample(text, "figures_http_requests_total", **bad) == 1
    unmatched = {"endpoint": "unmatched", "method": "GET", "status": "404"}
    assert sample(text, "figures_http_requests_total", **unmatched) == 1
    assert sample(text, "figures_claims_extracted_total") == 3 * claims
    assert sample(text, "figures_text_bytes_processed_total") == 3 * len(seed_text.encode())


# Requests a client can vary without bound: each row twice over, with other made-up names, must
# land in the same series (a method outside HTTP's, a path no route serves).
MADE_UP = [
    ("made-up method on a route", "/v1/extract", "FROB{}", "405"),
    ("made-up method elsewhere", "/nope{}", "FROB{}", "404"),
    ("long method", "/v1/extract", "X" * 200 + "{}", "405"),
    ("unknown path", "/nope/{}", "GET", "404"),
    ("unknown path, known method", "/v1/extract/{}", "POST", "404"),
]


@pytest.mark.parametrize(
    ("path", "method", "status"), [pytest.param(*row[1:], id=row[0]) for row in MADE_UP]
)
def test_metric_labels_stay_bounded(client, path, method, status):
    def series():
        families = text_string_to_metric_families(client.get("/metrics").text)
        family = next(f for f in families if f.name == "figures_http_requests")
        return {tuple(sorted(s.labels.items())) for s in family.samples}

    for i in range(3):
        assert client.open(path.format(i), method=method.format(i)).status_code == int(status)
    series()  # the scrape is a series of its own
    before = series()
    for i in range(3, 40):
        client.open(path.format(i), method=method.format(i))
    assert series() == before  # no new series, however many names were made up
    endpoint = "unmatched"
    label = method if method in {"GET", "POST"} else "other"
    counted = sample(
        client.get("/metrics").text,
        "figures_http_requests_total",
        endpoint=endpoint,
        method=label,
        status=status,
    )
    assert counted == 40


def test_known_methods_keep_their_label(client):
    for method in ("GET", "HEAD", "POST", "PUT", "DELETE", "OPTIONS", "PATCH", "TRACE"):
        client.open("/healthz", method=method)
    text = client.get("/metrics").text
    for method, status in (("GET", "200"), ("HEAD", "200"), ("OPTIONS", "200")):
        labels = {"endpoint": "/healthz", "method": method, "status": status}
        assert sample(text, "figures_http_requests_total", **labels) == 1, method
    for method in ("POST", "PUT", "DELETE", "PATCH", "TRACE"):
        labels = {"endpoint": "unmatched", "method": method, "status": "405"}
        assert sample(text, "figures_http_requests_total", **labels) == 1, method


def test_metrics_are_per_app(make_app, client):
    client.get("/healthz")
    other = make_app({"TESTING": True}).test_client()
    text = other.get("/metrics").text
    assert 'endpoint="/healthz"' not in text


def test_openapi_document_validates(client):
    response = client.get("/openapi.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    validate(response.get_json())


def test_openapi_lists_every_route(app, client):
    spec = client.get("/openapi.json").get_json()
    served = {
        (rule.rule, method.lower())
        for rule in app.url_map.iter_rules()
        if rule.endpoint not in ("docs.asset", "playground.asset")
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
    listed = {(path, method) for path, item in spec["paths"].items() for method in item}
    assert listed == served
    assert set(spec["paths"]) == {
        "/v1/extract",
        "/v1/extract/batch",
        "/healthz",
        "/readyz",
        "/metrics",
        "/openapi.json",
        "/docs",
        "/",
        "/playground",
    }


def test_openapi_lists_every_error_response(client):
    spec = client.get("/openapi.json").get_json()
    for path in ("/v1/extract", "/v1/extract/batch"):
        assert set(spec["paths"][path]["post"]["responses"]) >= ERROR_STATUSES
    for path, item in spec["paths"].items():
        for method, operation in item.items():
            assert {"404", "405", "500"} <= set(operation["responses"]), (path, method)
            assert operation["summary"], (path, method)
    assert "503" in spec["paths"]["/readyz"]["get"]["responses"]
    assert [tag["name"] for tag in spec["tags"]] == ["extraction", "operations", "documentation"]
    for name, response in spec["components"]["responses"].items():
        schema = response["content"]["application/problem+json"]["schema"]
        assert schema == {"$ref": "#/components/schemas/Problem"}, name


def test_openapi_claim_schema_has_the_core_fields(client):
    spec = client.get("/openapi.json").get_json()
    claim = spec["components"]["schemas"]["Claim"]
    assert list(claim["properties"]) == [field.name for field in dataclasses.fields(Claim)]
    assert claim["properties"]["kind"]["enum"] == list(get_args(Kind))
    assert claim["properties"]["relation"]["enum"] == list(get_args(Relation))
    extract = spec["paths"]["/v1/extract"]["post"]["requestBody"]["content"]
    assert set(extract) == {"application/json", "text/plain; charset=utf-8"}


def test_docs_page_is_offline(client):
    response = client.get("/docs")
    assert response.status_code == 200
    assert response.mimetype == "text/html"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    page = response.text
    assert "swagger-ui-bundle.js" in page
    assert "http://" not in page
    assert "https://" not in page
    assert "<script>" not in page  # no inline script: the CSP forbids them
    assert 'data-spec="/openapi.json"' in page
    for asset in re.findall(r'(?:src|href)="([^"]+)"', page):
        assert asset.startswith("/docs/")
        fetched = client.get(asset)
        assert fetched.status_code == 200, asset
        assert fetched.mimetype in {"text/css", "text/javascript", "image/png"}
        assert len(fetched.data) > 100
        fetched.close()
    start = client.get("/docs/start.js").text
    # Swagger UI would otherwise post the spec to validator.swagger.io from a non-local host.
    assert "SwaggerUIBundle(" in start
    assert "validatorUrl: null" in start
    assert "dataset.spec" in start
    assert "http://" not in start
    assert "https://" not in start


@pytest.mark.parametrize("path", ["/healthz", "/readyz", "/metrics", "/openapi.json", "/docs"])
def test_head_is_answered_without_body(client, path):
    response = client.head(path)
    assert response.status_code == 200
    assert response.data == b""


def test_metrics_add_up_processes_in_multiprocess_mode(tmp_path):
    # prometheus_client picks its mode at import, so this runs in a fresh interpreter.
    script = """
import multiprocessing
from service.http import create_app

def work():
    create_app({"FIGURES_WARM": False}).test_client().get("/healthz")

if __name__ == "__main__":
    for _ in range(2):
        child = multiprocessing.get_context("fork").Process(target=work)
        child.start()
        child.join()
    print(create_app({"FIGURES_WARM": False}).test_client().get("/metrics").text)
"""
    env = {**os.environ, "PROMETHEUS_MULTIPROC_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    labels = {"endpoint": "/healthz", "method": "GET", "status": "200"}
    assert sample(result.stdout, "figures_http_requests_total", **labels) == 2
