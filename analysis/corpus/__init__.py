"""Many articles: worker processes, Dask, the output folder, the DuckDB store and its queries."""
