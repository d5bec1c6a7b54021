"""The error raised when generated text would not be classified as intended."""


class GenerationError(AssertionError):
    """A rendered form would not be classified as intended."""
