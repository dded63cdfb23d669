"""Woo publication metadata: a DiWoo record beside each published document.

The Wet open overheid asks that council documents be published with metadata in the
DiWoo standard of KOOP (https://standaarden.overheid.nl/diwoo/metadata, version 0.9.8).
:mod:`jeugddocs.woo.tooi` reads the TOOI value lists (organisations, categories, file
types) from the XSD shipped in ``xsd/``; :mod:`jeugddocs.woo.diwoo` writes and validates
the record. Only the standard library is imported here; lxml only when a record is made.
"""
