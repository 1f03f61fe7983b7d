"""HTML: a self-contained page (no external resources) with the summary, markers
linking to the sources, and every piece of article text escaped."""

from __future__ import annotations

from html import escape

from tomtat.io.writers.markers import article_label, marker_numbers, safe_url
from tomtat.io.writers.story import event_date_label, main_actors, section_heading, type_label
from tomtat.model import Summary

_STYLE = """
body{font-family:system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;line-height:1.55;color:#1b1b1b}
sup a{text-decoration:none}ol li{margin:.3rem 0}.note{color:#6b4e00;background:#fff6d6;padding:.4rem .6rem}
"""


def _ref(n: int) -> str:
    return f'<sup><a href="#src-{n}">[{n}]</a></sup>'


def write_html(summary: Summary) -> str:
    numbers = marker_numbers(summary)
    out = [
        "<!DOCTYPE html>",
        '<html lang="vi"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>Tóm tắt: {escape(summary.cluster_id)}</title><style>{_STYLE}</style></head><body>",
        "<main><h1>Tóm tắt</h1>",
    ]
    sections = summary.sections
    for ev, extracts in sections:
        parts = []
        for e in extracts:
            n = numbers[e.sentence.article_id]
            cut = "…" if e.cut else ""
            parts.append(f'{escape(e.text)}{cut}<sup><a href="#src-{n}">[{n}]</a></sup>')
        if len(sections) > 1:
            out.append(f'<section class="event"><h3>{escape(section_heading(ev))}</h3><p>{" ".join(parts)}</p></section>')
        else:
            out.append(f"<p>{' '.join(parts)}</p>")
    out.append("<h2>Nguồn</h2><ol>")
    for a in summary.articles:
        label = escape(article_label(a))
        url = safe_url(a.url)
        link = f'<a href="{escape(url)}" rel="noopener noreferrer">{label}</a>' if url else label
        out.append(f'<li id="src-{numbers[a.id]}">{link} <code>{escape(a.id)}</code></li>')
    out.append("</ol>")
    if summary.timeline:
        out.append("<h2>Dòng thời gian</h2><ul>")
        for entry in summary.timeline:
            refs = "".join(_ref(numbers[i]) for i in entry.article_ids if i in numbers)
            out.append(
                f'<li><time datetime="{escape(entry.date)}"><strong>{escape(event_date_label(entry))}</strong></time>: '
                f"{escape(entry.text)}{refs}</li>"
            )
        out.append("</ul>")
    actors = main_actors(summary)
    if actors:
        out.append("<h2>Nhân vật và tổ chức</h2><ul>")
        for ent in actors:
            role = f", {escape(ent.role)}" if ent.role else ""
            refs = "".join(_ref(numbers[i]) for i in ent.articles if i in numbers)
            out.append(
                f"<li><strong>{escape(ent.name)}</strong> ({escape(type_label(ent))}{role}): "
                f"{ent.count} lần{refs}</li>"
            )
        out.append("</ul>")
    if summary.keywords:
        out.append(f"<p><strong>Từ khóa:</strong> {escape(', '.join(summary.keywords))}</p>")
    for note in summary.notes:
        out.append(f'<p class="note">{escape(note)}</p>')
    out.append("</main></body></html>")
    return "\n".join(out) + "\n"
