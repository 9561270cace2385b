"""figures: every numeric claim in news text, normalised and located."""

# The distribution's name (pyproject.toml): "figures" on PyPI is an unrelated project, so this
# one is "news-figures". Not on PyPI: install from a clone (pip install .). The command is still
# ``figures`` and the import package ``service``.
DISTRIBUTION = "news-figures"
# How to add an optional extra, said by every hint that needs one: from a clone of this project.
EXTRA_HINT = "pip install '.[{extra}]' in a clone of figures, or pip install {package}"
