"""Build the same notes as .txt, .md, .docx, .html and .pdf files, for the importer tests."""

from __future__ import annotations

import html
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Point:
    """A lettered point: a short title, then its explanation as a paragraph."""

    title: str
    text: str


@dataclass(frozen=True)
class Section:
    """A heading and its lettered points."""

    heading: str
    points: tuple[Point, ...]


TITLE = "China and the USSR"
INTRO = (
    "At first, China's relations with the USSR were close – they had to be, since China was "
    "weak, and the USSR was the only friendly world power."
)
SECTIONS = (
    Section(
        heading="Why China forged close relations with the USSR, 1949-57",
        points=(
            Point(
                title="Soviet Communism",
                text="The USSR was the world's first communist state, and Mao always recognised "
                "its unique place in history; in the early years of the PRC, the USSR was "
                "China's model for development",
            ),
            Point(
                title="China needed Soviet economic aid",
                text="Mao had no experience of industrialisation, so in 1949 he signed the Treaty "
                "of Friendship; the Soviets sent experts, aid and loans",
            ),
            Point(
                title="Korea, 1950",
                text="In the Korean War, China and the USSR both supported North Korea, though "
                "the cost to China was much greater",
            ),
        ),
    ),
    Section(
        heading="Korean War, 1950-53",
        points=(
            Point(
                title="People's Volunteers, Nov 1950",
                text="By November 1950 the UN army under MacArthur had almost reached the "
                "Chinese border; 200,000 Chinese troops attacked",
            ),
            Point(
                title="Panmunjong Truce, 1953",
                text="Within a month of Stalin's death in 1953, the Chinese had signed a truce "
                "to end the fighting",
            ),
        ),
    ),
    Section(
        heading="China's relations with the USSR, 1959-69",
        points=(
            Point(
                title="Sino-Indian War, 1962",
                text="When a border war broke out between India and China, the USSR gave "
                "fighter-planes to the Indians",
            ),
            Point(
                title="Sino-Soviet Confrontation, 1969",
                text="In 1969 there was a series of Sino-Soviet border clashes along the Ussuri "
                "river",
            ),
        ),
    ),
)
LETTERS = "abcdefghij"


def as_text() -> str:
    """The notes as a plain text sheet (the bundled sheet's layout)."""
    parts = [TITLE, INTRO]
    for section in SECTIONS:
        parts.append(section.heading)
        for letter, point in zip(LETTERS, section.points, strict=False):
            parts += [f"{letter}.  {point.title}", point.text]
    return "\n\n".join(parts) + "\n"


def as_markdown() -> str:
    """The notes as Markdown, with a link, an image and a comment the importer must drop."""
    parts = [f"# {TITLE}", "<!-- revision notes -->", INTRO]
    for section in SECTIONS:
        parts.append(f"## {section.heading}")
        for letter, point in zip(LETTERS, section.points, strict=False):
            parts += [f"{letter}. **{point.title}**", point.text]
    parts[2] = parts[2].replace(
        "the USSR was the only", "the [USSR](https://x.org/ussr) was the only"
    )
    parts.insert(3, "![a map](map.png)")
    return "\n\n".join(parts) + "\n"


def as_html(*, boilerplate: bool = True) -> str:
    """The notes as a saved web page with navigation, scripts, a cookie banner and a footer."""
    esc = html.escape
    body = [f"<h1>{esc(TITLE)}</h1>", f"<p>{esc(INTRO)}</p>"]
    for section in SECTIONS:
        body.append(f"<h2>{esc(section.heading)}</h2>")
        body.append('<ol type="a" style="list-style-type: lower-alpha">')
        for point in section.points:
            body.append(f"<li><strong>{esc(point.title)}</strong><p>{esc(point.text)}</p></li>")
        body.append("</ol>")
    article = "\n".join(body)
    if not boilerplate:
        return f"<!doctype html><html><body>{article}</body></html>"
    return f"""<!doctype html>
<html><head><meta charset="utf-8"><title>{esc(TITLE)} | History Revision Site</title>
<style>body {{ font-family: serif; }}</style>
<script>var tracker = "Why did China break with the USSR, 1960?";</script></head>
<body>
<header class="site-header"><a href="/">History Revision Site</a></header>
<nav><ul><li>Home</li><li>Topics</li><li>Contact us</li></ul></nav>
<div class="cookie-banner">We use cookies. <button>Accept</button></div>
<main><article>
{article}
</article>
<aside><h3>Related topics</h3><ul><li>The Cold War, 1945-91</li></ul></aside>
</main>
<footer><p>Copyright 2024 History Revision Site. All rights reserved.</p></footer>
<script>console.log("Panmunjong Truce, 1953");</script>
</body></html>
"""


def write_docx(path: Path) -> Path:
    """The notes as a Word document with real lettered lists (restarting in each section)."""
    import docx
    from docx.oxml import parse_xml

    document = docx.Document()
    document.add_heading(TITLE, level=0)
    document.add_paragraph(INTRO)
    numbering = document.part.numbering_part.element
    w = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    numbering.insert(
        0,
        parse_xml(
            f'<w:abstractNum {w} w:abstractNumId="90"><w:lvl w:ilvl="0"><w:start w:val="1"/>'
            '<w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>'
        ),
    )
    for index, section in enumerate(SECTIONS):
        document.add_heading(section.heading, level=1)
        num_id = 900 + index
        numbering.append(
            parse_xml(
                f'<w:num {w} w:numId="{num_id}"><w:abstractNumId w:val="90"/>'
                '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
            )
        )
        for point in section.points:
            item = document.add_paragraph()
            item.add_run(point.title).bold = True
            ppr = item._p.get_or_add_pPr()
            ppr.append(
                parse_xml(f'<w:numPr {w}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>')
            )
            document.add_paragraph(point.text)
    document.save(str(path))
    return path


def write_pdf(path: Path) -> Path:
    """The notes as a text PDF, printed from the web page by WeasyPrint."""
    import weasyprint

    weasyprint.HTML(string=as_html(boilerplate=False)).write_pdf(str(path))
    return path


def write_all(folder: Path) -> dict[str, Path]:
    """Every format of the same notes, by suffix."""
    files = {
        ".txt": folder / "notes.txt",
        ".md": folder / "notes.md",
        ".html": folder / "notes.html",
    }
    files[".txt"].write_text(as_text(), encoding="utf-8")
    files[".md"].write_text(as_markdown(), encoding="utf-8")
    files[".html"].write_text(as_html(), encoding="utf-8")
    files[".docx"] = write_docx(folder / "notes.docx")
    files[".pdf"] = write_pdf(folder / "notes.pdf")
    return files
