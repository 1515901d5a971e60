"""Lexicon files, the packs chosen for a corpus, matching their terms, rating labels."""
