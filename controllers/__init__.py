from . import ballot
from . import main
