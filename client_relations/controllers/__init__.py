# --- cr-portal
