"""Import every notes file in a folder: one bad file never stops the rest, and each says why."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from clio.errors import ClioError, InputError
from clio.ids import slugify
from clio.importers import IMPORTABLE_SUFFIXES, notes_from_file, save_as_hint
from clio.model.topic import Topic
from clio.parse import parse_notes

Progress = Callable[[Path, int, int], None]  # (file, index from 1, total)


@dataclass(frozen=True, kw_only=True)
class ImportedFile:
    """A file read and parsed, with anything suspicious about it."""

    path: Path
    name: str
    text: str
    topic: Topic
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class FailedFile:
    """A file that could not be imported, and why."""

    path: Path
    reason: str


@dataclass(frozen=True, kw_only=True)
class ImportReport:
    """What a folder import did: files imported, failed (with reasons) and skipped."""

    folder: Path
    imported: tuple[ImportedFile, ...] = ()
    failed: tuple[FailedFile, ...] = ()
    skipped: tuple[FailedFile, ...] = ()

    @property
    def warning_count(self) -> int:
        """How many warnings the imported files raised."""
        return sum(len(f.warnings) for f in self.imported)


def notes_files(folder: Path) -> tuple[list[Path], list[FailedFile]]:
    """The importable files under ``folder`` (sorted), and the files left out with why."""
    found: list[Path] = []
    skipped: list[FailedFile] = []
    for path in sorted(folder.rglob("*")):
        relative = path.relative_to(folder)
        if any(part.startswith((".", "~$")) for part in relative.parts):
            continue  # hidden files and Word's lock files are not notes
        if path.is_dir():
            continue
        if path.suffix.lower() in IMPORTABLE_SUFFIXES:
            found.append(path)
        else:
            kind = path.suffix.lower() or "a file without a suffix"
            hint = save_as_hint(path.suffix)
            reason = f"{kind} files cannot be read; save as {hint}" if hint else ""
            skipped.append(FailedFile(path=path, reason=reason or f"{kind} is not a notes format"))
    return found, skipped


def import_folder(folder: Path, *, progress: Progress | None = None) -> ImportReport:
    """Read and parse every notes file under ``folder`` (.txt, .md, .docx, .html, .pdf)."""
    if not folder.exists():
        raise InputError("no such folder", file=str(folder))
    if not folder.is_dir():
        raise InputError("this is a file, not a folder", file=str(folder))
    files, skipped = notes_files(folder)
    imported: list[ImportedFile] = []
    failed: list[FailedFile] = []
    names: set[str] = set()
    for index, path in enumerate(files, start=1):
        if progress is not None:
            progress(path, index, len(files))
        try:
            imported.append(_import_one(path, names))
        except InputError as error:
            failed.append(FailedFile(path=path, reason=error.reason))
        except ClioError as error:
            failed.append(FailedFile(path=path, reason=error.message))
        except Exception as error:  # a reader bug must not stop the other files
            failed.append(
                FailedFile(path=path, reason=f"unexpected {type(error).__name__}: {error}")
            )
    return ImportReport(
        folder=folder, imported=tuple(imported), failed=tuple(failed), skipped=tuple(skipped)
    )


def _import_one(path: Path, names: set[str]) -> ImportedFile:
    text = notes_from_file(path)
    warnings: list[str] = []
    name = base = slugify(path.stem)
    counter = 2
    while name in names:
        name = f"{base}-{counter}"
        counter += 1
    if name != base:
        warnings.append(f"another file is also called {base!r}; imported as {name!r}")
    names.add(name)
    topic = parse_notes(text, name=name)
    points = sum(len(s.points) for s in topic.sections)
    if points == 0:
        warnings.append("no sections or points were found in this file")
    for warning in topic.warnings:
        where = f"line {warning.line}: " if warning.line else ""
        warnings.append(f"{where}{warning.message}")
    return ImportedFile(path=path, name=name, text=text, topic=topic, warnings=tuple(warnings))
