"""Loaders for the ASAG benchmark data in ../shared/benchmarks/asag (or $CLIO_ASAG_DATA)."""

from __future__ import annotations

import html
import os
import re
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LABELS = ("correct", "contradictory", "incorrect")


def data_root() -> Path:
    """Where the benchmark data lives: $CLIO_ASAG_DATA, else ../shared/benchmarks/asag.

    Without the variable, the nearest ``shared/benchmarks/asag`` beside the repository or one of
    its parents is used (a git worktree may sit a level deeper than the clone).
    """
    env = os.environ.get("CLIO_ASAG_DATA")
    if env:
        root = Path(env)
    else:
        candidates = [p / "shared" / "benchmarks" / "asag" for p in REPO.parents]
        root = next((c for c in candidates if c.is_dir()), candidates[0])
    if not root.is_dir():
        raise SystemExit(
            f"benchmark data not found at {root}: set CLIO_ASAG_DATA to the folder that holds "
            "mohler2011-unt-cs/ and semeval2013-task7/"
        )
    return root


@dataclass(frozen=True)
class Item:
    """One student answer with its question, reference and gold label."""

    group: str  # Mohler: assignment number; SemEval: split name
    qid: str
    question: str
    reference: str
    answer: str
    gold: float | str


def _lines_by_id(path: Path) -> dict[str, str]:
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        qid, _, text = line.partition(" ")
        if qid:
            out[qid] = text.strip()
    return out


def _clean(text: str) -> str:
    """Mohler's answers are HTML-escaped with <br> line breaks: give the text as graders read it."""
    return html.unescape(re.sub(r"<br\s*/?>", "\n", text, flags=re.IGNORECASE)).strip()


def load_mohler(root: Path | None = None) -> list[Item]:
    """The 2,273 answers to the 81 open-ended questions, gold = ``ave`` (0-5)."""
    base = (root or data_root()) / "mohler2011-unt-cs" / "data"
    questions = _lines_by_id(base / "raw" / "questions")
    references = _lines_by_id(base / "raw" / "answers")
    ids = [q.strip() for q in (base / "docs" / "files").read_text().split() if q.strip()]
    items = []
    for qid in ids:
        if qid.startswith("#"):
            continue
        answers: list[str] = []
        for line in (base / "raw" / qid).read_text(encoding="latin-1").splitlines():
            if line.startswith(qid + " "):
                answers.append(line[len(qid) + 1 :].strip())
            elif answers and line.strip():
                answers[-1] += " " + line.strip()  # a wrapped answer
        golds = (base / "scores" / qid / "ave").read_text().split()
        if len(golds) != len(answers):
            raise SystemExit(f"mohler {qid}: {len(answers)} answers but {len(golds)} scores")
        for answer, gold in zip(answers, golds, strict=True):
            items.append(
                Item(
                    group=qid.split(".")[0],
                    qid=qid,
                    question=questions[qid],
                    reference=references[qid],
                    answer=_clean(answer),
                    gold=float(gold),
                )
            )
    return items


def _load_semeval_dir(folder: Path, group: str) -> list[Item]:
    items = []
    for path in sorted(folder.glob("*.xml")):
        root = ET.parse(path).getroot()
        qid = root.get("id", path.stem)
        question = (root.findtext("questionText") or "").strip()
        refs = root.find("referenceAnswers")
        ref_list = [] if refs is None else [(r.text or "").strip() for r in refs]
        best = [
            (r.text or "").strip() for r in (refs or []) if r.get("category") == "BEST"
        ] or ref_list
        reference = best[0] if best else ""
        answers = root.find("studentAnswers")
        for ans in [] if answers is None else list(answers):
            items.append(
                Item(
                    group=group,
                    qid=qid,
                    question=question,
                    reference=reference,
                    answer=(ans.text or "").strip(),
                    gold=ans.get("accuracy", ""),
                )
            )
    return items


def load_semeval(split: str, root: Path | None = None, corpus: str = "sciEntsBank") -> list[Item]:
    """SemEval-2013 Task 7 3-way: ``split`` is "train", "UA", "UQ" or "UD"."""
    base = (root or data_root()) / "semeval2013-task7"
    if split == "train":
        folder = base / "training" / "3way" / corpus
    else:
        name = {"UA": "answers", "UQ": "questions", "UD": "domains"}[split]
        folder = base / "test" / "3way" / corpus / f"test-unseen-{name}"
    if not folder.is_dir():
        raise SystemExit(f"SemEval folder not found: {folder}")
    return _load_semeval_dir(folder, split)
