# --- cr-portal
from . import portal
