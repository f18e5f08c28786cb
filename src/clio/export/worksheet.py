"""Printable worksheets (quiz, source exercise with lines to write on, essay) and mark schemes.

HTML comes from a Jinja2 template with every piece of note text escaped; PDF is that HTML
printed by WeasyPrint (an optional extra, since it needs the Pango system library).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib import resources
from typing import Any

from clio.errors import ClioError
from clio.export.answers import answer_text
from clio.model.items import EssayPlan, Kit, QuizQuestion, SourceQuestion
from clio.model.marking import Level, SchemePoint
from clio.model.topic import Source, Topic

DEFAULT_QUIZ_QUESTIONS = 10
ESSAY_LINES = 22
_MARKS_IN_TEXT = re.compile(r"\(\s*(\d{1,2})\s*marks?\s*\)", re.I)


@dataclass(frozen=True, kw_only=True)
class QuizEntry:
    """A quiz question as the sheet prints it."""

    number: int
    kind: str
    stem: str
    options: tuple[str, ...]
    right_options: tuple[str, ...]
    answer_text: str
    explanation: str

    @property
    def match_rows(self) -> list[tuple[str, str]]:
        """Left and right items side by side (either may run out first)."""
        count = max(len(self.options), len(self.right_options))
        left = list(self.options) + [""] * (count - len(self.options))
        right = list(self.right_options) + [""] * (count - len(self.right_options))
        return list(zip(left, right, strict=True))


@dataclass(frozen=True, kw_only=True)
class WrittenQuestion:
    """A question answered on lines, with its tariff and (for the scheme) how it is marked."""

    number: int
    text: str
    marks: int
    lines: int
    levels: tuple[Level, ...] = ()
    points: tuple[SchemePoint, ...] = ()
    reference: str = ""


@dataclass(frozen=True, kw_only=True)
class EssayEntry:
    """The essay question, with the plan the mark scheme shows."""

    number: int
    question: str
    marks: int | None
    lines: int
    paragraphs: tuple[Any, ...] = ()


@dataclass(frozen=True, kw_only=True)
class Sheet:
    """Everything a worksheet or mark scheme prints, chosen from a topic and its kit."""

    quiz: tuple[QuizEntry, ...] = ()
    source: Source | None = None
    source_questions: tuple[WrittenQuestion, ...] = ()
    essay: EssayEntry | None = None
    worksheet: bool = True
    scheme: bool = False
    part: str = "worksheet"
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def total_marks(self) -> int:
        """Marks on the sheet: one per quiz question, plus the written questions."""
        written = sum(q.marks for q in self.source_questions)
        return len(self.quiz) + written + (self.essay.marks or 0 if self.essay else 0)


_KIND_TURNS = ("mcq", "mcq", "tf", "order", "match")  # half multiple choice, then the rest
MAX_EXPLANATION = 260


def _pick_quiz(kit: Kit, limit: int) -> list[QuizQuestion]:
    """Up to ``limit`` questions, the kinds in turn (multiple choice twice as often)."""
    by_kind: dict[str, list[QuizQuestion]] = {}
    for question in kit.questions:
        by_kind.setdefault(question.kind.value, []).append(question)
    by_kind = {kind: _varied(questions) for kind, questions in by_kind.items()}
    turns = list(_KIND_TURNS) + sorted(set(by_kind) - set(_KIND_TURNS))
    picked: list[QuizQuestion] = []
    while len(picked) < limit and any(by_kind.values()):
        for kind in turns:
            queue = by_kind.get(kind)
            if queue and len(picked) < limit:
                picked.append(queue.pop(0))
    order = {q.id: i for i, q in enumerate(kit.questions)}
    return sorted(picked, key=lambda q: order[q.id])


def _varied(queue: list[QuizQuestion]) -> list[QuizQuestion]:
    """One kind's questions reordered so that the sheet varies: their sorts (dates, people,
    figures, sections...) in turn, and a question worded like one before it (two "Match each
    point to the section" grids) only after all the others."""
    by_sort: dict[str, list[QuizQuestion]] = {}
    for question in queue:
        by_sort.setdefault(question.subkind or _stem_start(question.stem), []).append(question)
    turns: list[QuizQuestion] = []
    while any(by_sort.values()):
        for questions in by_sort.values():
            if questions:
                turns.append(questions.pop(0))
    seen: set[str] = set()
    fresh: list[QuizQuestion] = []
    again: list[QuizQuestion] = []
    for question in turns:
        stem = question.stem if question.kind.value == "match" else ""
        (again if stem and stem in seen else fresh).append(question)
        seen.add(stem)
    return fresh + again


def _stem_start(stem: str) -> str:
    return " ".join(stem.split()[:4])


def _short(text: str, limit: int = MAX_EXPLANATION) -> str:
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def _written(question: SourceQuestion, number: int) -> WrittenQuestion:
    scheme = question.mark_scheme
    return WrittenQuestion(
        number=number,
        text=question.text,
        marks=question.marks,
        lines=min(max(question.marks * 2, 4), 18),
        levels=scheme.levels,
        points=scheme.points,
        reference=scheme.reference,
    )


def _source_set(topic: Topic, asked: list[SourceQuestion]) -> list[SourceQuestion]:
    """The questions a worksheet sets on one source: the notes' own first, then Clio's of the
    styles the notes do not ask (two inference questions on one source are one too many)."""
    own_texts = {q.text for q in topic.questions}
    own = [q for q in asked if q.text in own_texts]
    styles = {q.style for q in own}
    added = [q for q in asked if q not in own and q.style not in styles]
    return own + added


def _pick_source(
    topic: Topic, kit: Kit, *, first: int
) -> tuple[Source | None, list[WrittenQuestion]]:
    sources = {s.id: s for s in topic.sources}
    for question in kit.source_questions:
        if question.source_id in sources:
            chosen = sources[question.source_id]
            asked = _source_set(
                topic, [q for q in kit.source_questions if q.source_id == chosen.id]
            )
            items = [_written(q, first + i) for i, q in enumerate(asked)]
            return chosen, items
    for source in topic.sources:
        # no generated questions: fall back on the questions the notes carry themselves
        carried = [q for q in topic.questions if q.source_id == source.id]
        if carried:
            items = [
                WrittenQuestion(
                    number=first + i, text=q.text, marks=q.marks or 4, lines=(q.marks or 4) * 2
                )
                for i, q in enumerate(carried)
            ]
            return source, items
    # no source: the short questions the notes set themselves ("Describe two aims ... (4 marks)")
    essay = kit.essay_plans[0].question if kit.essay_plans else None
    short = [
        q
        for q in kit.source_questions
        if q.source_id is None and q.text != essay and q.marks < ESSAY_MARKS
    ]
    return None, [_written(q, first + i) for i, q in enumerate(short)]


ESSAY_MARKS = 12  # at or above this tariff a question is an essay, not a short answer


def _pick_essay(topic: Topic, kit: Kit, *, number: int) -> EssayEntry | None:
    plan: EssayPlan | None = kit.essay_plans[0] if kit.essay_plans else None
    if plan is not None:
        marks = _MARKS_IN_TEXT.search(plan.question)
        # the notes' own question carries its tariff ("... hated the Treaty? (12 marks)")
        carried = next((q.marks for q in topic.questions if q.text == plan.question), None)
        return EssayEntry(
            number=number,
            question=_MARKS_IN_TEXT.sub("", plan.question).strip(),
            marks=int(marks.group(1)) if marks else carried,
            lines=ESSAY_LINES,
            paragraphs=plan.paragraphs,
        )
    for question in topic.questions:
        if question.source_id is None:
            return EssayEntry(
                number=number, question=question.text, marks=question.marks, lines=ESSAY_LINES
            )
    return None


def build_sheet(topic: Topic, kit: Kit, *, quiz_questions: int = DEFAULT_QUIZ_QUESTIONS) -> Sheet:
    """Choose what the worksheet asks: varied quiz questions, one source exercise, one essay."""
    quiz = [
        QuizEntry(
            number=number,
            kind=q.kind.value,
            stem=q.stem,
            options=q.options,
            right_options=q.right_options,
            answer_text=answer_text(q),
            explanation=_short(q.explanation),
        )
        for number, q in enumerate(_pick_quiz(kit, quiz_questions), start=1)
    ]
    source, source_questions = _pick_source(topic, kit, first=len(quiz) + 1)
    return Sheet(
        quiz=tuple(quiz),
        source=source,
        source_questions=tuple(source_questions),
        essay=_pick_essay(topic, kit, number=len(quiz) + len(source_questions) + 1),
    )


def render_html(topic: Topic, sheet: Sheet, *, worksheet: bool = True, scheme: bool = False) -> str:
    """The sheet as a self-contained HTML page (worksheet, mark scheme, or both)."""
    import jinja2

    folder = resources.files("clio.export").joinpath("templates")
    env = jinja2.Environment(
        autoescape=True,  # every piece of note text is escaped
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    template = env.from_string(folder.joinpath("worksheet.html.j2").read_text(encoding="utf-8"))
    css = folder.joinpath("worksheet.css").read_text(encoding="utf-8")
    part = "both" if worksheet and scheme else "scheme" if scheme else "worksheet"
    shown = Sheet(
        quiz=sheet.quiz,
        source=sheet.source,
        source_questions=sheet.source_questions,
        essay=sheet.essay,
        worksheet=worksheet,
        scheme=scheme,
        part=part,
    )
    letters = iter("ABC")
    parts = {
        name: next(letters)
        for name, present in (
            ("quiz", sheet.quiz),
            ("source", sheet.source_questions),
            ("essay", sheet.essay),
        )
        if present
    }
    return template.render(title=topic.title, sheet=shown, css=css, parts=parts)


def html_to_pdf(html: str) -> bytes:
    """Print HTML to PDF with WeasyPrint, or say clearly what to install."""
    try:
        import weasyprint
    except (ImportError, OSError) as error:
        raise ClioError(
            "PDF output needs WeasyPrint and the Pango library: "
            "pip install 'clio[print]' and, on Debian/Ubuntu, "
            "apt-get install libpango-1.0-0 libpangoft2-1.0-0 "
            f"(or export .html and print it from a browser) [{error}]"
        ) from None
    data: bytes = weasyprint.HTML(string=html).write_pdf()
    return data
