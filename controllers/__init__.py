from . import ballot
from . import main
from . import bus
