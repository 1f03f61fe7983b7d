"""Markdown: the summary with [n] markers, then sources, timeline and actors."""

from __future__ import annotations

from tomtat.io.writers.markers import article_label, marker_numbers, safe_url
from tomtat.io.writers.story import event_date_label, main_actors, section_heading, type_label
from tomtat.model import Summary


def _escape(text: str) -> str:
    """Keep article text from being read as Markdown markup."""
    for ch in "\\`*_[]<>#|":
        text = text.replace(ch, "\\" + ch)
    return text


def write_markdown(summary: Summary) -> str:
    numbers = marker_numbers(summary)
    out = ["## Tóm tắt", ""]
    sections = summary.sections
    for ev, extracts in sections:
        if len(sections) > 1:
            out += [f"### {_escape(section_heading(ev))}", ""]
        out += [" ".join(
            f"{_escape(e.text)}{'…' if e.cut else ''} [{numbers[e.sentence.article_id]}]" for e in extracts
        ), ""]
    out += ["## Nguồn", ""]
    for a in summary.articles:
        label = _escape(article_label(a))
        url = safe_url(a.url)
        link = f"[{label}](<{url.replace('>', '%3E')}>)" if url else label
        out.append(f"{numbers[a.id]}. {link} (`{a.id}`)")
    if summary.timeline:
        out += ["", "## Dòng thời gian", ""]
        for entry in summary.timeline:
            refs = ", ".join(f"[{numbers[i]}]" for i in entry.article_ids if i in numbers)
            out.append(f"- **{event_date_label(entry)}**: {_escape(entry.text)} {refs}".rstrip())
    actors = main_actors(summary)
    if actors:
        out += ["", "## Nhân vật và tổ chức", ""]
        for ent in actors:
            role = f", {_escape(ent.role)}" if ent.role else ""
            refs = "".join(f"[{numbers[i]}]" for i in ent.articles if i in numbers)
            out.append(f"- **{_escape(ent.name)}** ({type_label(ent)}{role}): {ent.count} lần {refs}".rstrip())
    if summary.keywords:
        out += ["", "**Từ khóa:** " + ", ".join(_escape(k) for k in summary.keywords)]
    if summary.notes:
        out += ["", "> " + "\n> ".join(_escape(n) for n in summary.notes)]
    return "\n".join(out) + "\n"
