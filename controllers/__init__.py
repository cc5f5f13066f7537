from . import ballot
from . import main
from . import bus
from . import reader
from . import consultation
from . import hardening
from . import information
from . import incoming
