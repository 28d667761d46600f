"""Catalogued errors. Every error Marsad raises on purpose is a subclass of MarsadError and
carries a short code, so the CLI and the API can report it in one shape."""

from __future__ import annotations


class MarsadError(Exception):
    """Base class. ``code`` is stable across releases; the message is for people."""

    code = "E000"

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"{path}: {message}" if path else message)


class SpanError(MarsadError, ValueError):
    """An annotation's offsets do not fit the document text, or its text is not text[start:end]."""

    code = "E001"


class IngestError(MarsadError):
    """An input file cannot be read as an article (empty, binary, undecodable, too large)."""

    code = "E010"


class ExtraMissing(IngestError, ImportError):
    """An input needs an optional extra that is not installed (HTML needs ``html``): the
    file is skipped, named, with the command that installs the extra; the others go on.
    Also an ImportError, for code that asks for the library itself."""

    code = "E011"


class ArticleFailed(MarsadError):
    """``marsad.extract`` could not process the article; ``code`` is the code of the
    failure (E010 unreadable, E021 a component's error, E022 over its time budget …)."""

    code = "E023"

    def __init__(self, message: str, *, code: str, path: str | None = None) -> None:
        super().__init__(message, path=path)
        self.code = code


class PipelineError(MarsadError):
    """The pipeline cannot be built: a component requires something nobody assigns."""

    code = "E020"


class ComponentError(MarsadError):
    """A component failed on one document; the batch goes on without it."""

    code = "E021"


class OvertimeError(MarsadError):
    """An article took longer than its time budget; it is recorded as failed and the batch
    goes on without it."""

    code = "E022"


class DataFileError(MarsadError):
    """A language-knowledge or knowledge-base data file is malformed."""

    code = "E030"


class OutputError(MarsadError):
    """The output file cannot be written."""

    code = "E040"


class CorrectionError(MarsadError):
    """A user correction names an article, story or place that is not there (``marsad
    corrections``): nothing is recorded."""

    code = "E080"
