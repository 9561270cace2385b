"""The playground in a real browser: Debian's Chromium, headless, driven by Selenium.

The app runs as a real server on a free loopback port (werkzeug, in a thread), and every
response gets a second, strict Content-Security-Policy on top of whatever the app sends (a
browser enforces both): no inline code or style, nothing from another host, and Trusted Types
required, so that any write of a string as HTML would be refused. A console error fails the test.

Where Chromium, its driver or Selenium is missing the module is skipped on a developer's machine
(apt-get install chromium chromium-driver), but in CI (``CI`` set, as ``.ci/run`` sets it and
installs them) it fails instead. The page's screenshot goes to the test's temporary folder, or to
docs/playground.png with ``FIGURES_WRITE_SCREENSHOT=1``.
"""

import csv
import json
import os
import shutil
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOT = ROOT / "docs" / "playground.png"
PACKAGES = "chromium chromium-driver"
STRICT_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'; "
    "require-trusted-types-for 'script'"
)
WAIT_SECONDS = 30
# The seed article's claims as the service reads them, with their frames (seeds/*.expected.json).
SEED_CLAIMS = ["300 to 400", "an estimated 100"]
SEED_DATES = {"2017-10-14", "14 October", "13 October", "June 2017"}


def _need(what: str) -> None:
    """Skip without ``what``; in CI, fail: there the browser test must run."""
    if os.environ.get("CI"):
        pytest.fail(f"{what} (CI: .ci/run installs {PACKAGES} and the test extra has selenium)")
    pytest.skip(what)


def _browser_paths() -> tuple[str, str]:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    driver = shutil.which("chromedriver")
    if not (chromium and driver):
        _need(f"the browser test needs Chromium and its driver: apt-get install {PACKAGES}")
    return chromium, driver


class StrictPolicy:
    """WSGI middleware: add the strict policy to every response, beside the app's own."""

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        def start(status, headers, exc_info=None):
            return start_response(
                status, [*headers, ("Content-Security-Policy", STRICT_CSP)], exc_info
            )

        return self.app(environ, start)


@pytest.fixture(scope="module")
def base_url(make_app):
    from werkzeug.serving import make_server

    app = make_app({"TESTING": True})
    server = make_server("127.0.0.1", 0, StrictPolicy(app), threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=10)
    server.server_close()


@pytest.fixture(scope="module")
def downloads(tmp_path_factory):
    return tmp_path_factory.mktemp("downloads")


@pytest.fixture(scope="module")
def browser(downloads):
    chromium, driver_path = _browser_paths()
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        _need("the browser test needs selenium: pip install -e '.[test]'")
    options = webdriver.ChromeOptions()
    options.binary_location = chromium
    for argument in (
        "--headless=new",
        "--no-sandbox",  # root in a container has no user namespace for the sandbox
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        "--window-size=1200,900",
        "--lang=en-US",
    ):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _by():
    from selenium.webdriver.common.by import By

    return By


def wait_for(condition, what, driver=None):
    """Poll ``condition`` until it holds; past the wait, fail with the console's errors."""
    deadline = time.monotonic() + WAIT_SECONDS
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            errors = console_errors(driver) if driver is not None else []
            pytest.fail(f"no {what} within {WAIT_SECONDS} s; console errors: {errors}")
        time.sleep(0.05)


def console_errors(driver):
    """The console's errors since the last call: a CSP refusal, a failed load, an exception."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def answers(driver):
    """How many answers the page has shown since it opened."""
    return int(driver.find_element(_by().ID, "status").get_attribute("data-answers") or 0)


def extracted(driver, after=0):
    """Wait for an answer past the ``after``-th; return the status line."""
    wait_for(lambda: answers(driver) > after, "answer on the page", driver)
    return driver.find_element(_by().ID, "status").text


def marks(driver):
    return driver.find_elements(_by().CSS_SELECTOR, "#rendered mark.claim")


def text_of(element):
    return element.get_attribute("textContent")


def card(driver):
    return driver.find_element(_by().ID, "card")


def field(driver, name):
    return text_of(card(driver).find_element(_by().CSS_SELECTOR, f'[data-field="{name}"]'))


# The texts the open card marks, by role, a run of adjacent marked pieces joined into one (a
# left-out number or another claim may cut a span into pieces: "On Friday " + "13 October").
_FRAMED = """
const rendered = document.getElementById("rendered");
const runs = {};
const walker = document.createTreeWalker(rendered, NodeFilter.SHOW_TEXT);
let at = 0;
while (walker.nextNode()) {
  const node = walker.currentNode;
  const end = at + node.data.length;
  for (const name of node.parentElement.classList) {
    if (!name.startsWith("frame-") || !node.parentElement.classList.contains("frame")) continue;
    const list = (runs[name.slice(6)] ||= []);
    const last = list[list.length - 1];
    if (last && last[1] === at) last[1] = end;
    else list.push([at, end]);
  }
  at = end;
}
const text = rendered.textContent;
return Object.fromEntries(
  Object.entries(runs).map(([role, list]) => [role, list.map(([a, b]) => text.slice(a, b))])
);
"""


def framed(driver):
    """The spans of the text marked for the open card: role → texts."""
    return driver.execute_script(_FRAMED)


@pytest.fixture
def page(browser, base_url):
    """Open the playground and wait for the seed article's answer."""
    browser.get(base_url + "/")
    status = extracted(browser)
    assert status == "2 claims; 5 numbers left out.", status
    return browser


def test_seed_article_is_extracted_as_the_page_opens(page):
    assert [text_of(mark) for mark in marks(page)] == SEED_CLAIMS
    assert [mark.get_attribute("data-kind") for mark in marks(page)] == ["count", "count"]
    assert all("kind-count" in mark.get_attribute("class").split() for mark in marks(page))
    # Each highlight holds the claim's exact text: the text around them is left as it was.
    rendered = page.find_element(_by().ID, "rendered")
    textarea = page.find_element(_by().ID, "text")
    assert text_of(rendered) == textarea.get_property("value")
    assert page.find_element(_by().ID, "reference-date").get_property("value") == "2017-10-14"
    assert console_errors(page) == []


def test_card_shows_the_claims_reading_and_marks_its_frames(page):
    assert not card(page).is_displayed()
    marks(page)[0].click()
    assert card(page).is_displayed()
    assert text_of(page.find_element(_by().ID, "card-title")) == "“300 to 400” — count"
    assert field(page, "value") == "300 to 400"
    assert field(page, "relation") == "between"
    assert field(page, "approximate") == "yes, approximate"
    assert field(page, "unit") == "none"
    assert field(page, "entity") == "militants"
    assert field(page, "change") == "none"
    assert field(page, "source-text") == "the coalition"
    assert field(page, "cue") == "estimated"
    assert field(page, "time-text") == "Earlier in the week"
    assert field(page, "time").endswith("→ 2017-10-09 to 2017-10-13")
    assert field(page, "subject") == "militants"
    assert framed(page) == {
        "time": ["Earlier in the week"],
        "source": ["the coalition"],
        "cue": ["estimated"],
        "entity": ["militants"],
        "subject": ["militants"],
    }
    marks(page)[1].click()
    assert field(page, "source-text") == "a local official"
    assert field(page, "cue") == "said"
    assert field(page, "time").endswith("→ 2017-10-13")
    assert framed(page)["time"] == ["On Friday 13 October"]
    page.find_element(_by().ID, "card-close").click()
    assert not card(page).is_displayed()
    assert framed(page) == {}
    assert console_errors(page) == []


def test_keyboard_tabs_through_highlights_and_escape_closes(page):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    page.execute_script("document.getElementById('extract').focus()")
    keys = ActionChains(page)
    keys.send_keys(Keys.TAB).perform()
    assert text_of(page.switch_to.active_element) == SEED_CLAIMS[0]
    assert card(page).is_displayed()
    assert card(page).get_attribute("data-claim") == "0"
    keys.send_keys(Keys.TAB).perform()
    assert text_of(page.switch_to.active_element) == SEED_CLAIMS[1]
    assert card(page).get_attribute("data-claim") == "1"
    assert marks(page)[1].get_attribute("aria-expanded") == "true"
    keys.send_keys(Keys.ESCAPE).perform()
    assert not card(page).is_displayed()
    assert marks(page)[1].get_attribute("aria-expanded") == "false"
    assert text_of(page.switch_to.active_element) == SEED_CLAIMS[1]  # focus stays put


def test_numbers_left_out_and_why(page):
    left_out = page.find_element(_by().ID, "left-out")
    assert not left_out.is_displayed()
    page.find_element(_by().ID, "show-left-out").click()
    assert left_out.is_displayed()
    rows = [
        [text_of(cell) for cell in row.find_elements(_by().TAG_NAME, "td")]
        for row in left_out.find_elements(_by().CSS_SELECTOR, "tbody tr")
    ]
    assert {text for text, _, _ in rows} == SEED_DATES
    assert {reason for _, reason, _ in rows} == {"date"}
    assert all(meaning.startswith("part of a date") for _, _, meaning in rows)
    in_text = page.find_elements(_by().CSS_SELECTOR, "#rendered.show-left-out .left-out")
    assert {text_of(span) for span in in_text} == SEED_DATES
    page.find_element(_by().ID, "show-left-out").click()
    assert not left_out.is_displayed()


def test_table_of_claims_sorts(page):
    def column(index):
        cells = page.find_elements(_by().CSS_SELECTOR, f"#claims-table tbody td:nth-child({index})")
        return [text_of(cell) for cell in cells]

    assert column(2) == SEED_CLAIMS
    assert column(4) == ["300 to 400", "100"]
    assert column(10) == ["the coalition", "a local official"]
    heading = page.find_element(_by().CSS_SELECTOR, '#claims-table th[data-sort="amount"]')
    heading.find_element(_by().TAG_NAME, "button").click()
    assert column(4) == ["100", "300 to 400"]  # by value: 100 before 300
    assert heading.get_attribute("aria-sort") == "ascending"
    heading.find_element(_by().TAG_NAME, "button").click()
    assert column(4) == ["300 to 400", "100"]
    assert heading.get_attribute("aria-sort") == "descending"
    # A row's claim shows it in the text.
    page.find_elements(_by().CSS_SELECTOR, "#claims-table tbody button.link")[1].click()
    assert card(page).get_attribute("data-claim") == "1"


def test_reference_date_resolves_the_times(page):
    """The date goes with the text; changing it extracts again."""
    set_date = "const d = document.getElementById('reference-date'); d.value = arguments[0];"
    set_date += "d.dispatchEvent(new Event('change'));"
    for date, resolved in [
        ("", "not resolved: give a reference date"),
        ("2017-10-21", "2017-10-16 to 2017-10-20"),  # a week later: the week before it
        ("2017-10-14", "2017-10-09 to 2017-10-13"),
    ]:
        count = answers(page)
        page.execute_script(set_date, date)
        assert extracted(page, after=count) == "2 claims; 5 numbers left out."
        marks(page)[0].click()
        assert field(page, "time") == f"Earlier in the week → {resolved}"


def test_user_text_is_text_never_markup(page):
    """Markup typed into the text area is shown as text; Ctrl+Enter extracts it."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.keys import Keys

    hostile = (
        "<img src=x onerror=\"document.title='owned'\"> About 300 people <b>came</b>, 😀 then 5 km."
    )
    textarea = page.find_element(_by().ID, "text")
    page.execute_script("arguments[0].value = arguments[1]", textarea, hostile)
    textarea.click()
    count = answers(page)
    ActionChains(page).key_down(Keys.CONTROL).send_keys(Keys.ENTER).key_up(Keys.CONTROL).perform()
    assert extracted(page, after=count) == "2 claims; 0 numbers left out."
    rendered = page.find_element(_by().ID, "rendered")
    assert text_of(rendered) == hostile
    assert rendered.find_elements(_by().CSS_SELECTOR, "img, b") == []
    # The astral emoji counts one code point for the service, two UTF-16 units for the page.
    assert [text_of(mark) for mark in marks(page)] == ["About 300", "5 km"]
    assert [mark.get_attribute("data-kind") for mark in marks(page)] == ["count", "measurement"]
    assert page.title == "figures playground"
    assert console_errors(page) == []


def test_copy_as_json_and_download_csv(page, downloads):
    page.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    page.find_element(_by().ID, "copy-json").click()
    status = page.find_element(_by().ID, "action-status")
    wait_for(lambda: status.get_attribute("data-state"), "the copy")
    assert status.text == "Copied the answer as JSON."
    copied = page.execute_async_script(
        "navigator.clipboard.readText().then(arguments[0], (e) => arguments[0]('error: ' + e))"
    )
    answer = json.loads(copied)
    assert [claim["text"] for claim in answer["claims"]] == SEED_CLAIMS
    assert {item["text"] for item in answer["rejected"]} == SEED_DATES

    page.find_element(_by().ID, "download-csv").click()
    path = downloads / "claims.csv"
    wait_for(lambda: path.exists() and path.stat().st_size > 0, "the CSV download")
    with path.open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    assert [row["text"] for row in rows] == SEED_CLAIMS
    assert [(row["low"], row["high"], row["value"]) for row in rows] == [
        ("300", "400", ""),
        ("100", "100", "100"),
    ]
    assert [row["source"] for row in rows] == ["the coalition", "a local official"]
    assert [row["source_cue"] for row in rows] == ["estimated", "said"]
    assert [(row["time_start"], row["time_end"]) for row in rows] == [
        ("2017-10-09", "2017-10-13"),
        ("2017-10-13", "2017-10-13"),
    ]
    assert rows[0]["sentence"].startswith("Earlier in the week, the coalition estimated")


def test_readable_at_phone_width(page):
    """At 390 px nothing overflows sideways and the open card fits the screen."""
    page.execute_cdp_cmd(
        "Emulation.setDeviceMetricsOverride",
        {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True},
    )
    try:
        page.refresh()
        assert extracted(page) == "2 claims; 5 numbers left out."
        width = page.execute_script("return window.innerWidth")
        assert width == 390
        assert page.execute_script("return document.documentElement.scrollWidth") <= width
        marks(page)[0].click()
        box = card(page).rect
        assert box["x"] >= 0
        assert box["x"] + box["width"] <= width
        assert field(page, "source-text") == "the coalition"
    finally:
        page.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def test_screenshot(page, tmp_path):
    """Save what a visitor sees: the seed's claims, one card open, the numbers left out shown."""
    page.find_element(_by().ID, "show-left-out").click()
    marks(page)[0].click()
    assert card(page).is_displayed()
    size = page.get_window_size()
    page.set_window_size(1200, 1400)  # the top of the page down to the open card
    try:
        page.execute_script("window.scrollTo(0, 0)")
        path = (
            SCREENSHOT if os.environ.get("FIGURES_WRITE_SCREENSHOT") else tmp_path / SCREENSHOT.name
        )
        assert page.save_screenshot(str(path))
    finally:
        page.set_window_size(size["width"], size["height"])
    assert path.stat().st_size > 10_000
    assert console_errors(page) == []
