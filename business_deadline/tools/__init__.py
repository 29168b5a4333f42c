from . import timeline
