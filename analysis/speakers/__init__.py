"""Who said it: a cue's subject resolved to a person, body, group or source, and the speaker table."""
