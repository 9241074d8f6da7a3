"""The corpus page: a corpus store's views across articles (analysis.corpus.queries), one module per job.

source: which store is open; views: the cached answers; charts: their plotly figures;
tables: a table with its CSV download; speakers, entities: the tabs; page: the layout.
"""
