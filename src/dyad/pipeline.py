"""The pipeline: read -> clean -> annotate -> code, one document at a time, NLP in batches.

``Pipeline`` holds what is loaded once per process (the spaCy model, the knowledge,
the matchers); its ``run`` turns raw documents into ``Extraction`` records. Every stage
failure of a document becomes an ``errors`` entry of that document's record.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any

from dyad import __version__
from dyad.actors.resolve import build_matcher, find_mentions
from dyad.clean import clean
from dyad.coding import code_events
from dyad.coding.detection import DetectorJudge
from dyad.config import Config
from dyad.datafiles import data_path
from dyad.detector.model import DEFAULT_PATH as DETECTOR_FILE
from dyad.detector.model import DetectorModel
from dyad.errors import DyadError
from dyad.knowledge import Knowledge
from dyad.nlp import load_model, model_name
from dyad.places import find_places
from dyad.records import AnnotatedDocument, Document, ErrorRecord, Extraction, Failure, RawDocument
from dyad.timing import Stopwatch

log = logging.getLogger(__name__)


def failed_extraction(source: str, stage: str, message: str, url: str | None = None) -> Extraction:
    """The record of a document that could not be read or cleaned."""
    doc = Document(id="", source=source, text="", url=url)
    return Extraction(document=doc, errors=[ErrorRecord(stage, message)])


@dataclass
class Pipeline:
    """The loaded parts of dyad; build once, run many times."""

    config: Config = field(default_factory=Config)
    nlp: Any = None
    knowledge: Knowledge | None = None
    detector: DetectorModel | None = None
    _matcher: Any = None
    _judge: DetectorJudge | None = None

    def __post_init__(self) -> None:
        if self.nlp is None:
            self.nlp = load_model(self.config.model)
        if self.knowledge is None:
            self.knowledge = Knowledge.load(self.config)
        self._matcher = build_matcher(self.knowledge.actors, self.nlp)
        if self.detector is None and self.config.use_detector and self.detector_path.is_file():
            self.detector = DetectorModel.load(self.detector_path)
        if self.detector is not None and self.config.use_detector:
            self._judge = DetectorJudge(self.detector, self.knowledge.triggers)

    @property
    def detector_path(self) -> Path:
        return data_path(*DETECTOR_FILE)

    @property
    def provenance(self) -> dict[str, Any]:
        out: dict[str, Any] = {"dyad": __version__, "model": model_name(self.config.model)}
        if self._judge is not None:
            out["detector"] = self._judge.model.version
            out["detector_corpus"] = self._judge.model.meta.get("corpus_hash")
        return out

    # -- stages -------------------------------------------------------------------
    def clean_one(self, raw: RawDocument | Failure) -> Document | Extraction:
        if isinstance(raw, Failure):
            return failed_extraction(raw.source, raw.stage, raw.message)
        try:
            return clean(raw, self.config)
        except DyadError as exc:
            return failed_extraction(raw.source, exc.stage, f"{raw.source}: {exc.reason}", raw.url)
        except Exception as exc:  # a bug or a library failure: still per document
            log.exception("cleaning failed for %s", raw.source)
            return failed_extraction(raw.source, "clean", f"{raw.source}: {type(exc).__name__}: {exc}", raw.url)

    def annotate(self, document: Document, doc: Any, watch: Stopwatch | None = None) -> AnnotatedDocument:
        assert self.knowledge is not None
        watch = watch or Stopwatch(enabled=False)
        gazetteer = self.knowledge.places
        with watch.stage("actors"):
            mentions = find_mentions(doc, self.knowledge.actors, self._matcher, document.published,
                                     is_place=gazetteer.knows, locate=gazetteer.country_of)
        with watch.stage("places"):
            places = find_places(doc, gazetteer, mentions)
        return AnnotatedDocument(document=document, doc=doc, mentions=mentions, places=places)

    def code(self, ann: AnnotatedDocument) -> Extraction:
        assert self.knowledge is not None
        events = code_events(ann, self.knowledge, self.config, self._judge)
        return Extraction(document=ann.document, mentions=ann.mentions, places=ann.places, events=events,
                          provenance=self.provenance)

    def _finish(self, document: Document, doc: Any, watch: Stopwatch) -> Extraction:
        try:
            ann = self.annotate(document, doc, watch)
            with watch.stage("code"):
                return self.code(ann)
        except Exception as exc:
            log.exception("coding failed for %s", document.source)
            return Extraction(document=document, errors=[ErrorRecord("code", f"{document.source}: {exc}")],
                              provenance=self.provenance)

    # -- running ------------------------------------------------------------------
    def run(self, raws: Iterable[RawDocument | Failure], watch: Stopwatch | None = None) -> Iterator[Extraction]:
        """Extractions in input order; NLP runs in batches of ``config.batch_size``.

        ``watch``, when given, accumulates the seconds spent in each stage.
        """
        watch = watch or Stopwatch(enabled=False)
        it = iter(raws)
        while True:
            with watch.stage("read"):
                batch = list(islice(it, self.config.batch_size))
            if not batch:
                return
            with watch.stage("clean"):
                cleaned = [self.clean_one(r) for r in batch]
            yield from self._code_batch(cleaned, watch)

    def run_documents(self, documents: Iterable[Document], watch: Stopwatch | None = None) -> Iterator[Extraction]:
        """Code documents that are already clean (no reading, no cleaning), in order."""
        watch = watch or Stopwatch(enabled=False)
        it = iter(documents)
        while batch := list(islice(it, self.config.batch_size)):
            yield from self._code_batch(list(batch), watch)

    def _code_batch(self, cleaned: list[Document | Extraction], watch: Stopwatch) -> Iterator[Extraction]:
        codable = [(i, d) for i, d in enumerate(cleaned)
                   if isinstance(d, Document) and d.language in (*self.config.languages, None)]
        with watch.stage("nlp"):
            docs = dict(zip((i for i, _ in codable), self.nlp.pipe(d.text for _, d in codable), strict=True))
        for i, item in enumerate(cleaned):
            if isinstance(item, Extraction):
                yield item
            elif i in docs:
                yield self._finish(item, docs[i], watch)
            else:  # kept and flagged, not coded
                yield Extraction(document=item, provenance=self.provenance | {"coded": False})

    def extract_text(self, text: str, source: str = "<text>", media_type: str = "text/plain") -> Extraction:
        return next(self.run([RawDocument(source=source, content=text, media_type=media_type)]))
