"""Streamlit layout for the dashboard: one module per tab, plus the sidebar and loading.

These modules only lay out what `analysis` computed: figures come from `ui.charts`
(plotly), highlighted text from `ui.highlight` (HTML), plain-pandas summaries from
`ui.summary`.
"""
