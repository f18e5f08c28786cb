"""Hand-written student answers on the bundled sheet, each with the marks a teacher would give.

    python benchmarks/asag/teacher_checks.py [--all]

Weak, middling, strong, off-topic, keyword-list and copied answers to reference questions,
point lists and the generated source questions (the bundled sheet, and the Khrushchev memoir
of tests/generate/fixtures/cuban-missile-crisis.txt for reliability). Prints every answer whose
mark falls outside the range a teacher would give (all answers with ``--all``) and the count.
The ranges were written from the mark schemes' own level words while looking for faults
(session 5); two answers to a one-sentence model answer ("Money.", "Hitler.") are a known
limit and stay outside their range (see docs/marking.md).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "src"))

from clio.generate.source_questions import make_source_questions
from clio.mark.marker import assess_many
from clio.mark.schemes import scheme_from_points, scheme_from_reference
from clio.model.marking import MarkScheme
from clio.services.topics import load_topic

REPO = Path(__file__).resolve().parents[2]

TREATY = "Why did Mao sign the Treaty of Friendship with the USSR in 1949?"
SPLIT = "Why did relations between China and the USSR break down after 1956?"
CEDED = "What did China have to give the USSR in the Treaty of Friendship?"
REASONS = "Give five reasons why China forged close relations with the USSR, 1949-57."
KOREA = "How did the Korean War affect relations between China and the USSR?"
NAZI = "The Nazis caused it because Hitler wanted power."


def _reference_questions() -> dict[str, tuple[str, MarkScheme]]:
    return {
        "treaty": (
            TREATY,
            scheme_from_reference(
                "Mao had no experience of industrialisation and no resources for it, so China "
                "needed Soviet economic aid. The Soviets sent experts, aid and loans. Mao also "
                "feared a US invasion and needed the USSR as a deterrent.",
                4,
            ),
        ),
        "split": (
            SPLIT,
            scheme_from_reference(
                "Mao disagreed with Khrushchev's policy of peaceful coexistence and his attack on "
                "Stalin. Khrushchev mocked the Great Leap Forward as harebrained. The USSR refused "
                "to support Mao over Taiwan and gave fighter-planes to India in 1962.",
                6,
            ),
        ),
        "ceded": (
            CEDED,
            scheme_from_reference(
                "China ceded the use of the ports of Dalian and Lushun and mineral rights in "
                "Xinjiang.",
                2,
            ),
        ),
        "reasons": (
            REASONS,
            scheme_from_points(
                [
                    "Soviet Communism",
                    "China needed Soviet economic aid",
                    "Fear of the USA",
                    "Support in the United Nations",
                    "Korea, 1950",
                ],
                5,
            ),
        ),
        "korea": (
            KOREA,
            scheme_from_reference(
                "China and the USSR both supported North Korea, but the cost to China was much "
                "greater. Mao resented that the Soviets did not commit men and made the Chinese "
                "pay for all the weapons they supplied. Mao came to believe that China had been "
                "exploited by the USSR.",
                4,
            ),
        ),
    }


def _source_questions() -> dict[str, tuple[str, MarkScheme]]:
    china = make_source_questions(load_topic("china-and-the-ussr"), seed=1)
    out = {q.style: (q.text, q.mark_scheme) for q in china if q.source_id}
    fixture = REPO / "tests" / "generate" / "fixtures" / "cuban-missile-crisis.txt"
    cuba = make_source_questions(load_topic(str(fixture)), seed=1)
    memoir = next(q for q in cuba if q.style == "reliability" and "Source B" in q.text)
    out["memoir reliability"] = (memoir.text, memoir.mark_scheme)
    return out


# (question key, answer, lowest fair mark, highest fair mark)
ANSWERS: list[tuple[str, str, int, int]] = [
    ("treaty", NAZI, 0, 0),
    ("treaty", "Because of the weather.", 0, 0),
    ("treaty", "Stalin was nice.", 0, 0),
    ("treaty", "He wanted to be friends.", 0, 1),
    ("treaty", "China needed money.", 1, 2),
    ("treaty", "Mao needed Soviet aid and protection from America.", 2, 4),
    ("treaty", "China had no industry so it needed Soviet experts and loans.", 1, 3),
    (
        "treaty",
        "Mao was afraid the USA would invade China, so he wanted the USSR to protect him.",
        1,
        3,
    ),
    (
        "treaty",
        "Mao signed the treaty because China was poor and had no experience of industry, so he "
        "needed Soviet aid, loans and experts. He was also scared that the Americans would invade "
        "to bring back Chiang Kai-shek, so he wanted the USSR as a deterrent.",
        3,
        4,
    ),
    ("treaty", "treaty aid experts loans Korea Mao", 0, 1),
    ("treaty", TREATY, 0, 0),
    ("treaty", "The Korean War started in 1950 when Kim Il Sung attacked South Korea.", 0, 1),
    ("treaty", "I like pizza and football.", 0, 0),
    ("split", "Because Hitler invaded Poland.", 0, 0),
    ("split", "They argued.", 0, 1),
    ("split", "Mao and Khrushchev disagreed about peaceful coexistence.", 1, 3),
    (
        "split",
        "Khrushchev called the Great Leap Forward harebrained and the USSR did not help China "
        "over Taiwan.",
        2,
        4,
    ),
    (
        "split",
        "Relations broke down because Mao hated Khrushchev's peaceful coexistence with the West "
        "and his criticism of Stalin. Khrushchev insulted the Great Leap Forward. The USSR would "
        "not back China over Taiwan in 1958 and even gave planes to India in 1962.",
        5,
        6,
    ),
    ("split", "Khrushchev Mao Taiwan India planes Stalin coexistence", 0, 2),
    ("ceded", "Dalian and Lushun ports and Xinjiang minerals.", 2, 2),
    ("ceded", "Two ports.", 1, 1),
    ("ceded", "Money.", 0, 0),
    ("ceded", "Hitler.", 0, 0),
    ("reasons", "Communism, economic aid, fear of the USA, UN support, Korea", 3, 5),
    ("reasons", "China needed money and was scared of America.", 1, 3),
    ("reasons", "The Nazis were strong.", 0, 0),
    ("korea", "It made things worse because China paid more.", 1, 2),
    ("korea", "China paid for Soviet weapons and Mao felt exploited.", 2, 3),
    ("korea", "The war was in Vietnam.", 0, 0),
    ("korea", "Hitler wanted power.", 0, 0),
    ("memoir reliability", "It is biased because it is by Khrushchev.", 1, 2),
    ("memoir reliability", "Khrushchev wrote it so it is unreliable.", 1, 2),
    (
        "memoir reliability",
        "It is unreliable because Khrushchev wrote his memoirs in 1970 to defend his record "
        "after the crisis, so he wanted to make the USSR look like it was only defending Cuba.",
        3,
        5,
    ),
    (
        "memoir reliability",
        "It is biased because Khrushchev was the Soviet leader and wanted to justify his actions.",
        3,
        5,
    ),
    ("memoir reliability", "It is biased.", 1, 2),
    ("memoir reliability", NAZI, 0, 0),
    ("reliability", "It is biased because it is by Lieberthal.", 1, 2),
    ("reliability", "Lieberthal is American so it is biased.", 1, 3),
    (
        "reliability",
        "It was written in 1976 by an American scholar with hindsight, so it is fairly reliable, "
        "but during the Cold War an American might be hostile to the USSR.",
        3,
        6,
    ),
    ("reliability", "It is reliable.", 1, 2),
    ("reliability", "I like pizza.", 0, 0),
    (
        "reliability",
        "It is very reliable because Mao did hate the USSR by 1962. Khrushchev called him an "
        "Asian Hitler in 1961.",
        3,
        5,
    ),
    (
        "reliability",
        "Lieberthal Mao Khrushchev 1976 hindsight American biased reliable Cold War",
        0,
        2,
    ),
    ("inference", NAZI, 0, 0),
    ("inference", "Mao liked the USSR.", 1, 2),
    (
        "inference",
        "The source suggests that Mao came to see the USSR as a threat, because it says that "
        "during 1960 he hinted at concern about a Soviet armed attack.",
        3,
        4,
    ),
    ("inference", "It tells me about Mao.", 0, 1),
    ("inference", "He thought the Russians might invade.", 1, 2),
    ("inference", "Mao stopped trusting Moscow.", 1, 2),
    ("change", "Mao went from friend to enemy of Moscow.", 1, 2),
    ("inference", "What can you learn from the source about Mao's view of the USSR?", 0, 0),
    (
        "change",
        "In 1955 Mao saw the USSR as a model but by 1962 he called it a fascist dictatorship, so "
        "his view changed from friendly to hostile.",
        3,
        4,
    ),
    ("change", "It changed.", 0, 1),
    ("change", NAZI, 0, 0),
    ("usefulness", "It is useful because it is by a historian.", 1, 2),
    ("usefulness", "Hitler.", 0, 0),
    (
        "usefulness",
        "It is useful because it shows Mao's view changed between 1958 and 1962, and it was "
        "written in 1976 with hindsight.",
        3,
        5,
    ),
    ("interpretation", "Yes it supports the view.", 1, 3),
    (
        "interpretation",
        "The source supports the view because it says in 1962 Mao claimed the USSR had become a "
        "reactionary fascist dictatorship. However it challenges it because in 1955 Mao saw the "
        "Soviets as a model.",
        4,
        9,
    ),
    ("interpretation", NAZI, 0, 0),
]


def main() -> None:
    """Mark every answer and print those outside a teacher's range."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="print every answer")
    args = parser.parse_args()
    questions = {**_reference_questions(), **_source_questions()}
    marks = assess_many(
        [(*questions[key], answer) for key, answer, _, _ in ANSWERS], class_sets=False
    )
    wrong = 0
    for (key, answer, low, high), got in zip(ANSWERS, marks, strict=True):
        mark = got.mark
        fair = low <= mark.score <= high
        wrong += not fair
        if args.all or not fair:
            flags = f" [{', '.join(mark.flags)}]" if mark.flags else ""
            print(
                f"{'  ' if fair else 'X '}{key}: {mark.score}/{mark.max_marks} (level "
                f"{mark.level}; fair {low}-{high}){flags}: {answer[:70]!r}"
            )
    print(f"{wrong} of {len(ANSWERS)} answers marked outside a teacher's range")


if __name__ == "__main__":
    main()
