"""Exact arithmetic on amounts: formulas over named amounts, column and row totals.

A lower layer than both ``content`` (which checks stated totals and formulas while
validating) and ``compute`` (which builds the view): it depends only on ``format``.
"""
