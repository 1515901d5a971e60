"""One text layer per article: folded text, tokens with offsets, sentences, tags, noun phrases.

Every stage reads the same tokens, so "word" means one thing to the per-1,000-words rate, the
distinctive terms and the rules. ``layer.build_layer`` makes an article's layer once, when the
article is cleaned.
"""
