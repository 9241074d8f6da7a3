"""Streamlit layout for the dashboard: one module per tab, plus the sidebar and loading.

These modules only lay out what `analysis` computed; figures come from
`analysis.charts`, highlighted text from `analysis.highlight`.
"""
