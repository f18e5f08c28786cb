"""Quiz answers in words, the same on worksheets, mark schemes and tables."""

from __future__ import annotations

from clio.model.items import QuestionKind, QuizQuestion

LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def answer_text(question: QuizQuestion) -> str:
    """``"Korea, 1950"``; ``"a → b → c"`` for order; ``"1 → B (1950); ..."`` for match."""
    answer = question.answer
    if question.kind is QuestionKind.MATCH and isinstance(answer, tuple):
        pairs: list[tuple[int, str]] = []
        for pair in answer:
            if not isinstance(pair, tuple) or len(pair) != 2:
                continue
            left, right = pair
            number = question.options.index(left) + 1 if left in question.options else 0
            position = (
                question.right_options.index(right) if right in question.right_options else -1
            )
            letter = LETTERS[position] if 0 <= position < len(LETTERS) else "?"
            pairs.append((number, f"{number or '?'} → {letter} ({right})"))
        return "; ".join(text for _, text in sorted(pairs))  # in the order the sheet numbers them
    if isinstance(answer, tuple):
        return " → ".join(str(a) for a in answer)
    return str(answer)
