"""Fuzz the API from its own OpenAPI document (schemathesis), in process through WSGI.

Every operation gets a bounded number of generated requests, valid and not; each answer must
not be a 5xx, and must match the document: a listed status, its content type, its headers and
its schema. Both ways: a request the document says is wrong must be refused (4xx), and one it
says is right must not be refused as malformed; a method it does not list must be a 405 with an
Allow header that lists the right ones.
"""

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    allow_header_conformance,
    content_type_conformance,
    missing_required_header,
    negative_data_rejection,
    positive_data_acceptance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
    unsupported_method,
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
    response_headers_conformance,
    negative_data_rejection,
    positive_data_acceptance,
    unsupported_method,
    allow_header_conformance,
    missing_required_header,
]


@schema.parametrize()
@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
def test_api_conforms_to_its_document(case):
    case.call_and_validate(checks=CHECKS)
