"""The quote store (SQLModel over SQLite or PostgreSQL). Import what you need from its modules:

- ``tables``: the SQL tables; ``rows``: the plain rows reads return; ``db``: engines, schema,
  sessions, the database-error shortener;
- ``write``: storing an extraction, user corrections; ``read``: quote lists, timelines, detail;
- ``filters``: ``QuoteFilter``; ``search``: keyword search;
- ``names``: speaker-name keys and the fuzzy matcher; ``speakers``: resolving and looking up
  speakers (``resolve_speaker_filter``);
- ``exchanges``: reading and writing exchange links (the scoring is ``quotes.nlp.exchanges``).
"""
