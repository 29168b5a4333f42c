from . import timeline
from . import bulk
