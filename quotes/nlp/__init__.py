"""Pure text processing: quote marks, parsing, cues, speakers, roles, types, exchanges.

No database here. ``quotes.nlp.parse`` is the only module that imports stanza.
"""
