"""Event coding: from an annotated document to PLOVER events."""

from dyad.coding.coder import code_events
from dyad.coding.triggers import TriggerLexicon

__all__ = ["TriggerLexicon", "code_events"]
