"""Fuzz the API from its own OpenAPI document (schemathesis), in process through WSGI.

Every operation gets a bounded number of generated requests, valid and not; each answer must
not be a 5xx, and must match the document: a listed status, its content type and its schema.
"""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from service.http import create_app

# Built as production builds it (not TESTING), so that a fault comes back as a 500 to report.
APP = create_app({})
schema = schemathesis.openapi.from_wsgi("/openapi.json", APP)
# Valid requests and broken ones: a broken one must get a documented 4xx, never a 5xx.
schema.config.generation.update(modes=list(schemathesis.GenerationMode))

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_document(case):
    case.call_and_validate(checks=CHECKS)
