"""The spaCy pipeline: loaded once, made faster, and run over an article's paragraphs."""
