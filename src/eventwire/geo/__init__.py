"""Offline geoparsing and event location.

    ToponymStage   parse -> ``doc.toponyms`` (recognised and resolved place names)
    LocateStage    mentions + toponyms -> ``mention.location`` for each event mention
    load_gazetteer the compact GeoNames-based index (built once into the user cache)
"""

from eventwire.geo.gazetteer import Entry, Gazetteer, distance_km, load_gazetteer
from eventwire.geo.locate import LocateStage, locate
from eventwire.geo.toponyms import Geoparser, ToponymStage, place_of, precision_of

__all__ = ["Entry", "Gazetteer", "Geoparser", "LocateStage", "ToponymStage", "distance_km",
           "load_gazetteer", "locate", "place_of", "precision_of"]
