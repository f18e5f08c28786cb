"""Hand-made study kits for export tests (independent of the generators)."""

from __future__ import annotations

from clio.ids import content_id
from clio.model.items import (
    CardKind,
    EssayParagraph,
    EssayPlan,
    Flashcard,
    Kit,
    QuestionKind,
    QuizQuestion,
    SourceQuestion,
)
from clio.model.marking import Level, MarkScheme, SchemePoint
from clio.model.topic import Topic


def _cards(topic: Topic) -> list[Flashcard]:
    cards: list[Flashcard] = []
    for section, point in topic.points():
        if not point.title:
            continue
        cards.append(
            Flashcard(
                id=content_id("c", "basic", point.id),
                kind=CardKind.BASIC,
                prompt=f"{section.heading}: {point.title}?",
                answer=point.text,
                source_ids=(point.id,),
            )
        )
        if point.period is not None and point.period.text and point.period.text in point.title:
            hidden = point.title.replace(point.period.text, f"{{{{c1::{point.period.text}}}}}")
            cards.append(
                Flashcard(
                    id=content_id("c", "cloze", point.id),
                    kind=CardKind.CLOZE,
                    prompt=point.title.replace(point.period.text, "[...]"),
                    answer=point.period.text,
                    cloze=hidden,
                    source_ids=(point.id,),
                )
            )
    return cards


def _questions(topic: Topic) -> list[QuizQuestion]:
    points = [p for _, p in topic.points() if p.title]
    questions: list[QuizQuestion] = []
    for index, point in enumerate(points[:6]):
        options = tuple(sorted({point.title, *(p.title for p in points[index + 1 : index + 4])}))
        questions.append(
            QuizQuestion(
                id=content_id("q", "mcq", point.id),
                kind=QuestionKind.MCQ,
                stem=f"Which heading matches: “{point.text[:80]}…”?",
                options=options,
                answer=point.title,
                explanation=point.full_text,
                source_ids=(point.id,),
            )
        )
    dated = [p for p in points if p.period is not None][:3]
    if len(dated) == 3:
        ordered = tuple(p.title for p in sorted(dated, key=lambda p: p.period.sort_key()))  # type: ignore[union-attr]
        questions.append(
            QuizQuestion(
                id=content_id("q", "order", *ordered),
                kind=QuestionKind.ORDER,
                stem="Put these in chronological order.",
                options=tuple(sorted(ordered)),
                answer=ordered,
                explanation="; ".join(p.full_text for p in dated),
                source_ids=tuple(p.id for p in dated),
            )
        )
    if points:
        questions.append(
            QuizQuestion(
                id=content_id("q", "tf", points[0].id),
                kind=QuestionKind.TF,
                stem=f"True or false: {points[0].text}",
                options=("True", "False"),
                answer="True",
                explanation=points[0].full_text,
                source_ids=(points[0].id,),
            )
        )
    if len(points) >= 3:
        pairs = tuple((p.title, (p.period.label() if p.period else "?")) for p in points[:3])
        questions.append(
            QuizQuestion(
                id=content_id("q", "match", *(a for a, _ in pairs)),
                kind=QuestionKind.MATCH,
                stem="Match each event to its date.",
                options=tuple(a for a, _ in pairs),
                right_options=tuple(sorted(b for _, b in pairs)),
                answer=pairs,
                explanation="",
                source_ids=tuple(p.id for p in points[:3]),
            )
        )
    return questions


def _scheme(marks: int, text: str) -> MarkScheme:
    return MarkScheme(
        max_marks=marks,
        levels=(
            Level(
                level=1, low=1, high=marks // 2, descriptor="Simple comprehension of the source."
            ),
            Level(
                level=2,
                low=marks // 2 + 1,
                high=marks,
                descriptor="Developed inference, supported.",
            ),
        ),
        points=(
            SchemePoint(id="sp-1", text="Mao saw the USSR as a model in 1955 <critically>."),
            SchemePoint(
                id="sp-2", text="By 1962 he called it a fascist dictatorship.", kind="own_knowledge"
            ),
        ),
        reference="A model answer & its reasoning: views hardened between 1958 and 1962.",
        source_text=text,
    )


def hand_kit(topic: Topic, *, seed: int = 0) -> Kit:
    """A small kit with every kind of item, made directly from the topic."""
    source_questions: list[SourceQuestion] = []
    for source in topic.sources[:1]:
        for style, marks, text in (
            ("inference", 4, f"Give two things you can infer from {source.label or 'the source'}."),
            (
                "usefulness",
                8,
                "How useful is this source to an historian of Sino-Soviet relations?",
            ),
        ):
            source_questions.append(
                SourceQuestion(
                    id=content_id("sq", style, source.id),
                    source_id=source.id,
                    style=style,
                    text=text,
                    marks=marks,
                    mark_scheme=_scheme(marks, source.text),
                    source_ids=(source.id,),
                )
            )
    why = next(
        (s for s in topic.sections if s.is_why), topic.sections[0] if topic.sections else None
    )
    plans: list[EssayPlan] = []
    if why is not None:
        plans.append(
            EssayPlan(
                id=content_id("e", why.id),
                question=f"“{why.heading}” – how far do you agree? Explain your answer. (16 marks)",
                paragraphs=(
                    *tuple(
                        EssayParagraph(
                            role="factor", heading=p.title, text=p.text, source_ids=(p.id,)
                        )
                        for p in why.points[:3]
                    ),
                    EssayParagraph(
                        role="judgement", heading="Judgement", text="Weigh the factors."
                    ),
                ),
                source_ids=(why.id,),
            )
        )
    return Kit(
        topic_id=topic.id,
        seed=seed,
        flashcards=tuple(_cards(topic)),
        questions=tuple(_questions(topic)),
        essay_plans=tuple(plans),
        source_questions=tuple(source_questions),
    )
