"""Reading articles and the one text layer every stage reads.

``reading`` and ``loading`` turn files, saved pages and feeds into documents; ``cleaning``
removes page chrome and builds each article's layer once (``layer``: folded text, tokens with
offsets, sentences, part-of-speech tags, noun phrases, from ``folding``, ``tokenizer``,
``sentences``, ``tagger``, ``chunks``); ``tokens`` finds positions in it; ``wordlists`` reads the
word lists in ``framing/data``. Every stage reads the same tokens, so "word" means one thing to
the per-1,000-words rate, the distinctive terms and the rules.
"""
