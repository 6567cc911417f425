"""All knowledge dyad loads once per process: ontology, actors, places, triggers.

``Knowledge.load(config)`` reads the shipped data files and the user's own
(``Config.actor_files``, ``Config.place_files``, ``Config.trigger_files``). Heavy derived
tables (the city gazetteer, lookup indexes) are built on first use and cached inside the
loaded objects, never in module globals.
"""

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
            places=Gazetteer.load(config.place_files),
            triggers=TriggerLexicon.load(config.trigger_files),
        )
