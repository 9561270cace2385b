"""Every setting the code reads from the environment is in README's configuration table.

And each setting of the HTTP service's access and observability (CORS, the metrics directory)
is in docs/http.md too, where the endpoints are. The names come from the code's own tables, so
a setting added there fails here until it is documented.
"""

import re
from pathlib import Path

import pytest

from service import metrics_dir
from service.batch.local import CHECKPOINT_SECONDS_VARIABLE
from service.http import cors
from service.http.app import ACCESS_DEFAULTS
from service.http.logs import LOG_DEFAULTS
from service.http.timeouts import DEFAULTS as TIMEOUT_DEFAULTS
from service.limits import DEFAULTS

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = sorted(
    {
        *DEFAULTS,
        *ACCESS_DEFAULTS,
        *LOG_DEFAULTS,
        *TIMEOUT_DEFAULTS,
        cors.SETTING,
        metrics_dir.VARIABLE,
        CHECKPOINT_SECONDS_VARIABLE,
        "WEB_CONCURRENCY",
    }
)


def readme_table():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("### Configuration", 1)[1].split("\n#", 1)[0]
    return dict(re.findall(r"^\| `([A-Z_]+)` \| ([^|]+) \|", section, re.MULTILINE))


@pytest.mark.parametrize("setting", SETTINGS)
def test_each_setting_is_in_the_readme_table(setting):
    assert setting in readme_table()


@pytest.mark.parametrize("setting", sorted(DEFAULTS))
def test_the_table_gives_the_limits_defaults(setting):
    assert readme_table()[setting].strip() == f"`{DEFAULTS[setting]}`"


@pytest.mark.parametrize("setting", [cors.SETTING, metrics_dir.VARIABLE, *DEFAULTS])
def test_http_settings_are_in_the_http_docs(setting):
    assert f"`{setting}`" in (ROOT / "docs" / "http.md").read_text(encoding="utf-8")


def test_no_setting_in_the_table_is_unknown():
    assert set(readme_table()) <= set(SETTINGS)
