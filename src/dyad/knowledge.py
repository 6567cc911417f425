"""All knowledge dyad loads once per process: ontology, actors, places, triggers."""

from __future__ import annotations

from dataclasses import dataclass

from dyad.actors.lexicon import ActorLexicon
from dyad.coding.triggers import TriggerLexicon
from dyad.config import Config
from dyad.ontology import Ontology
from dyad.places.gazetteer import Gazetteer


@dataclass(frozen=True, slots=True)
class Knowledge:
    ontology: Ontology
    actors: ActorLexicon
    places: Gazetteer
    triggers: TriggerLexicon

    @classmethod
    def load(cls, config: Config) -> Knowledge:
        return cls(
            ontology=Ontology.load(),
            actors=ActorLexicon.load(config.actor_files),
            places=Gazetteer.load(),
            triggers=TriggerLexicon.load(config.trigger_files),
        )
