"""Editing one point keeps the ids of the items made from every other point."""

from __future__ import annotations

from clio.generate import make_kit
from clio.model.items import Kit
from clio.parse import parse_notes
from clio.services.topics import read_builtin_text


def _single_point_items(kit: Kit, changed: set[str]) -> dict[str, str]:
    items = {c.id: c.prompt for c in kit.flashcards if not set(c.source_ids) & changed}
    items.update(
        {
            q.id: q.stem
            for q in kit.questions
            if len(q.source_ids) == 1 and not set(q.source_ids) & changed
        }
    )
    return items


def test_editing_one_point_keeps_other_ids() -> None:
    text = read_builtin_text("china-and-the-ussr")
    before = parse_notes(text, name="china")
    edited_text = text.replace(
        "China ceded mineral rights in Xinjiang to the USSR",
        "China ceded mineral and oil rights in Xinjiang to the USSR for 50 years",
    )
    assert edited_text != text
    after = parse_notes(edited_text, name="china")
    old_ids = {p.id for _, p in before.points()}
    new_ids = {p.id for _, p in after.points()}
    changed = old_ids ^ new_ids
    assert len(changed) == 2  # the old and the new id of the edited point

    kit_before, kit_after = make_kit(before, seed=5), make_kit(after, seed=5)
    kept_before = _single_point_items(kit_before, changed)
    kept_after = _single_point_items(kit_after, changed)
    assert kept_before == kept_after
    assert len(kept_before) > 100
    options_before = {q.id: q.options for q in kit_before.questions}
    same_options = [q for q in kit_after.questions if options_before.get(q.id) == q.options]
    assert len(same_options) >= len(kept_before) // 3
    # the edited point's own items are regenerated
    edited = [c for c in kit_after.flashcards if set(c.source_ids) & changed]
    assert any("oil" in c.answer or "oil" in c.prompt for c in edited)
