"""Saved web pages (.html) to notes text: headings, lists and paragraphs; boilerplate dropped."""

from __future__ import annotations

import re
from typing import Any

from clio.errors import InputError
from clio.importers.blocks import Block, Heading, ListItem, Paragraph, list_marker, render_notes

# Never content: code, styling, embedded media, forms and page furniture.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas",
    "form", "button", "input", "select", "textarea", "nav", "aside", "head", "link", "meta",
    "video", "audio", "picture", "img", "map", "dialog",
)  # fmt: skip
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alert"}
_BOILERPLATE = re.compile(
    r"(?:^|[-_ ])(cookie|consent|sidebar|breadcrumbs?|share|sharing|social|advert|adverts|ads?|"
    r"promo|newsletter|subscribe|comments?|related|skip|menu|navbar|nav|navigation|popup|modal|banner|"
    r"toolbar|pagination|footer|site-header|masthead)(?:$|[-_ ])",
    re.I,
)
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "blockquote", "pre", "figure", "figcaption",
    "address", "header", "footer", "body", "html", "center", "details", "summary", "hr",
}  # fmt: skip
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SPACE = re.compile(r"\s+")
_TITLE_SUFFIX = re.compile(r"\s+[|–—-]\s+[^|–—-]{1,60}$")


def html_to_notes(data: bytes, *, file: str = "<input>") -> str:
    """The notes text of a saved web page."""
    from bs4 import BeautifulSoup  # beautifulsoup4: only needed for web pages

    try:
        soup = BeautifulSoup(data, "html.parser")
    except Exception as error:  # the stdlib parser rarely fails; say so when it does
        raise InputError(f"cannot read this web page ({error})", file=file) from None
    page_title = soup.title.get_text(" ", strip=True) if soup.title else ""
    _drop_boilerplate(soup)
    root = _main_content(soup)
    walker = _Walker()
    if root is not None:
        walker.walk(root)
    walker.flush()
    blocks = walker.blocks
    if page_title and not any(isinstance(b, Heading) and b.level == 1 for b in blocks):
        blocks.insert(0, Heading(level=1, text=_TITLE_SUFFIX.sub("", page_title)))
    return render_notes(blocks)


def _drop_boilerplate(soup: Any) -> None:
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(True):
        if tag.decomposed or tag.attrs is None:
            continue
        role = str(tag.get("role") or "").lower()
        names = " ".join([*(tag.get("class") or []), str(tag.get("id") or "")])
        hidden = tag.has_attr("hidden") or str(tag.get("aria-hidden") or "") == "true"
        furniture = (
            tag.name in ("header", "footer") and tag.find_parent(("article", "main")) is None
        )
        if furniture and tag.name == "header" and tag.find("h1") is not None:
            furniture = False  # a page header that carries the title keeps it
        if (
            role in _DROP_ROLES
            or hidden
            or furniture
            or (
                tag.name not in ("body", "html", "main", "article")
                and _BOILERPLATE.search(names)
                # a wrapper named e.g. "content-sidebar-wrap" may hold the page's content
                and tag.find(("main", "article", "h1")) is None
            )
        ):
            tag.decompose()


def _main_content(soup: Any) -> Any:
    main = soup.find("main") or soup.find(attrs={"role": "main"})
    if main is not None:
        return main
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda a: len(a.get_text(" ", strip=True)))
    return soup.body or soup


class _Walker:
    """Walks the page tree, collecting inline text into blocks."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []

    def flush(self) -> None:
        text = "".join(self.buffer)
        self.buffer = []
        if text.strip():
            self.blocks.append(Paragraph(text=_tidy(text)))

    def walk(self, node: Any, *, depth: int = 0) -> None:
        from bs4.element import (
            Comment,
            Declaration,
            Doctype,
            NavigableString,
            ProcessingInstruction,
            Tag,
        )

        for child in list(node.children):
            if isinstance(child, (Comment, Declaration, Doctype, ProcessingInstruction)):
                continue
            if isinstance(child, NavigableString):
                self.buffer.append(_SPACE.sub(" ", str(child)))
                continue
            if not isinstance(child, Tag):
                continue
            name = child.name.lower()
            if name in _HEADINGS or _is_title(child):
                self.flush()
                level = _HEADINGS.get(name, 1)
                self.blocks.append(Heading(level=level, text=_inline_text(child)))
            elif name in ("ul", "ol", "menu"):
                self.flush()
                self._list(child, depth=depth)
            elif name == "dl":
                self.flush()
                self._definitions(child)
            elif name == "table":
                self.flush()
                self._table(child)
            elif name == "br":
                self.buffer.append("\n")
            elif name in ("strong", "b") and not "".join(self.buffer).strip():
                lead = _inline_text(child)
                if lead:
                    self.buffer.append(f"**{lead}** ")
            elif name in _BLOCK_TAGS:
                self.flush()
                self.walk(child, depth=depth)
                self.flush()
            else:
                self.walk(child, depth=depth)

    def _list(self, node: Any, *, depth: int) -> None:
        ordered = node.name.lower() == "ol"
        style = str(node.get("type") or "1") if ordered else "bullet"
        try:
            number = int(str(node.get("start") or "1")) - 1
        except ValueError:
            number = 0
        for item in node.find_all("li", recursive=False):
            number += 1
            if item.get("value") and str(item.get("value")).isdigit():
                number = int(str(item.get("value")))
            nested = item.find_all(("ul", "ol"), recursive=False)
            for sub in nested:
                sub.extract()
            inner = _Walker()
            inner.walk(item, depth=depth + 1)
            inner.flush()
            texts = [b.text for b in inner.blocks if not isinstance(b, ListItem)]
            text = " ".join(t.replace("\n", " ") for t in texts)
            if text.strip():
                marker = list_marker(number, style)
                self.blocks.append(ListItem(marker=marker, text=text, depth=depth))
            self.blocks.extend(b for b in inner.blocks if isinstance(b, ListItem))
            for sub in nested:
                self._list(sub, depth=depth + 1)

    def _definitions(self, node: Any) -> None:
        term = ""
        for child in node.find_all(("dt", "dd")):
            if child.name == "dt":
                term = _inline_text(child)
            elif term:
                self.blocks.append(ListItem(marker="•", text=f"{term}: {_inline_text(child)}"))

    def _table(self, node: Any) -> None:
        for row in node.find_all("tr"):
            cells = [_inline_text(cell) for cell in row.find_all(("td", "th"))]
            cells = [c for c in cells if c]
            if len(cells) == 2:
                self.blocks.append(ListItem(marker="•", text=f"{cells[0]}: {cells[1]}"))
            elif cells:
                self.blocks.append(Paragraph(text=" – ".join(cells)))


def _is_title(node: Any) -> bool:
    """Word ("MsoTitle") and Google Docs ("title") mark the document title with a class."""
    if node.name.lower() != "p":
        return False
    return any(str(c).lower() in ("title", "msotitle") for c in node.get("class") or [])


def _inline_text(node: Any) -> str:
    walker = _Walker()
    walker.walk(node)
    walker.flush()
    return " ".join(" ".join(b.text.split()) for b in walker.blocks)


def _tidy(text: str) -> str:
    lines = (_SPACE.sub(" ", line).strip() for line in text.split("\n"))
    return "\n".join(line for line in lines if line)
