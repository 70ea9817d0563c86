"""Wirausaha Desktop: a bookkeeping coach that keeps business money apart from personal money."""

__version__ = "0.1.0"
