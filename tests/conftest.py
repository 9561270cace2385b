import pytest


@pytest.fixture(scope="session")
def extract():
    """Return the core's entry point, imported when a test first needs it.

    A broken or unfinished core then fails the tests that call it instead of stopping the
    collection of every test module.
    """
    from service.core import extract

    return extract


@pytest.fixture(scope="session")
def make_app():
    """Return the app factory, imported when a test first needs it (as ``extract`` above)."""
    from service.http import create_app

    return create_app


@pytest.fixture
def app(make_app):
    """Build a warm app with the default limits (warming is done once per process by the core)."""
    return make_app({"TESTING": True})


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture(scope="session")
def seed_text():
    """Return the sample news article the README's curl example uses."""
    from pathlib import Path

    seeds = Path(__file__).parent.parent / "seeds"
    return (seeds / "000_0e619e2cee358dda.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def stress():
    """Import scripts/stress (a script, without .py) as a module, for its server and load tools."""
    import importlib.machinery
    import importlib.util
    import sys
    from pathlib import Path

    path = Path(__file__).parent.parent / "scripts" / "stress"
    loader = importlib.machinery.SourceFileLoader("figures_stress", str(path))
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader(loader.name, loader))
    sys.modules[loader.name] = module  # dataclasses look their module up while it loads
    try:
        loader.exec_module(module)
        yield module
    finally:
        sys.modules.pop(loader.name, None)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    """Write the batch tests' 200-document corpus as JSON Lines: (its path, its records)."""
    from batch_corpus import documents, write_json_lines

    records = documents()
    return write_json_lines(tmp_path_factory.mktemp("corpus") / "news.jsonl", records), records


@pytest.fixture(scope="module")
def expected(corpus, extract):
    """Return what ``extract()`` says of each corpus document: the batch jobs must agree."""
    from batch_corpus import expected_claims

    return expected_claims(extract, corpus[1])
