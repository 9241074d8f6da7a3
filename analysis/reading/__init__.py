"""Bytes in, article text out: files, web pages, Word and PDF, and what each paragraph is."""
