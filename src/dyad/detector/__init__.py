"""The learned event detector: which predicates are codable events, and of which type.

Trained by ``make train`` (``python -m dyad.detector.train training``) from the corpus
under ``training/``; shipped as ``dyad/data/models/detector.npz``.
"""

from dyad.detector.model import Detection, DetectorModel

__all__ = ["Detection", "DetectorModel"]
