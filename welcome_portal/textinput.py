"""Free text from a visitor, cut to a size whose work is bounded before any query is built.

Search filters split their text into words and build one condition per word; without a cap a
request with a thousand words ties up a worker for a minute. Every free-text filter passes its
value through `bounded_terms` first.
"""

MAX_CHARS = 200
MAX_WORDS = 8


def bounded_terms(
    text: str | None, *, max_chars: int = MAX_CHARS, max_words: int = MAX_WORDS
) -> str:
    """At most `max_chars` characters and `max_words` words, control characters as spaces."""
    text = (text or "")[:max_chars]
    text = "".join(" " if ch < " " or ch == "\x7f" else ch for ch in text)
    return " ".join(text.split()[:max_words])
