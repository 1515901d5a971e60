"""One exception family: every message names the file, the entry and the fix."""


class FramingError(Exception):
    """Base of every error framing reports to the user."""


class InputError(FramingError):
    """An article folder or file cannot be used (empty, unreadable, one outlet only...)."""


class ManifestError(InputError):
    """The folder's outlets.csv manifest is malformed."""


class LexiconError(FramingError):
    """A lexicon file is malformed; the message lists every problem found."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class OutputError(FramingError):
    """The report cannot be written where the user asked."""
