"""Quotes: quote marks, reporting cues, attribution frames, indirect and continued speech."""
