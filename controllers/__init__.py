from . import ballot
