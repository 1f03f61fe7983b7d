// tomtat web page. Every piece of article text is put into the page with
// textContent / text nodes, never as HTML, so "<script>" in an article shows as text.
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);
  const TITLE_MAX_WORDS = 30;
  const ENTITY_TYPES = { PER: "Người", ORG: "Tổ chức", LOC: "Địa điểm", MISC: "Khác" };
  let cardCount = 0;
  let lastResult = null;

  function el(tag, attrs, text) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }

  function setStatus(message, isError) {
    const s = $("status");
    s.textContent = message;
    s.classList.toggle("error", !!isError);
    s.setAttribute("role", isError ? "alert" : "status");
  }

  // ---- article cards -------------------------------------------------------
  function renumber() {
    document.querySelectorAll(".article-card").forEach((card, i) => {
      card.querySelector(".card-number").textContent = "Bài " + (i + 1);
      card.querySelector(".remove").setAttribute("aria-label", "Xóa bài " + (i + 1));
    });
  }

  function addCard(title, text, kind, fileName) {
    cardCount += 1;
    const n = cardCount;
    const card = el("fieldset", { class: "article-card" });
    card.dataset.kind = kind || "text";
    const legend = el("legend");
    legend.appendChild(el("span", { class: "card-number" }, "Bài"));
    if (fileName) legend.appendChild(el("span", { class: "kind" }, (kind === "html" ? "HTML · " : "") + fileName));
    card.appendChild(legend);
    const remove = el("button", { type: "button", class: "remove" }, "Xóa bài");
    remove.addEventListener("click", () => {
      card.remove();
      renumber();
      if (!document.querySelector(".article-card")) addCard();
    });
    card.appendChild(remove);
    const f1 = el("div", { class: "field" });
    f1.appendChild(el("label", { for: "title-" + n }, "Tiêu đề (không bắt buộc)"));
    const t = el("input", { type: "text", id: "title-" + n, class: "title", autocomplete: "off" });
    t.value = title || "";
    f1.appendChild(t);
    const f2 = el("div", { class: "field" });
    f2.appendChild(el("label", { for: "text-" + n }, kind === "html" ? "Mã HTML của trang" : "Nội dung"));
    const ta = el("textarea", { id: "text-" + n, class: "text", rows: "7" });
    ta.value = text || "";
    f2.appendChild(ta);
    card.appendChild(f1);
    card.appendChild(f2);
    $("articles").appendChild(card);
    renumber();
    return card;
  }

  function emptyCard() {
    return Array.from(document.querySelectorAll(".article-card")).find(
      (c) => !c.querySelector(".text").value.trim() && !c.querySelector(".title").value.trim()
    );
  }

  // The first line of a .txt file is its title, as in `tomtat summarize`, unless it
  // reads like a paragraph. The user sees (and can change) the split.
  function splitTitle(content) {
    const lines = content.split(/\r?\n/);
    const first = lines.findIndex((l) => l.trim());
    if (first < 0) return ["", ""];
    const head = lines[first].trim();
    const body = lines.slice(first + 1).join("\n");
    const leadLike = head.split(/\s+/).length > TITLE_MAX_WORDS && /[.!?…]["'”’»)]*$/.test(head);
    if (leadLike || !body.trim()) return ["", lines.slice(first).join("\n")];
    return [head, body.replace(/^\s*\n/, "")];
  }

  function addFiles(files) {
    const list = Array.from(files || []);
    const accepted = list.filter((f) => /\.(txt|html?)$/i.test(f.name));
    const skipped = list.length - accepted.length;
    let loaded = 0;
    accepted.forEach((file) => {
      file.text().then((content) => {
        const isHtml = /\.html?$/i.test(file.name);
        const [title, text] = isHtml ? ["", content] : splitTitle(content);
        const target = emptyCard();
        if (target) target.remove();
        addCard(title, text, isHtml ? "html" : "text", file.name);
        loaded += 1;
        setStatus("Đã thêm " + loaded + " tệp." + (skipped ? " Bỏ qua " + skipped + " tệp không phải .txt/.html." : ""));
      }, () => setStatus("Không đọc được tệp " + file.name, true));
    });
    if (!accepted.length && skipped) setStatus("Chỉ nhận tệp .txt hoặc .html.", true);
  }

  function collectArticles() {
    const out = [];
    const cards = [];
    document.querySelectorAll(".article-card").forEach((card) => {
      const body = card.querySelector(".text").value;
      const title = card.querySelector(".title").value.trim();
      if (!body.trim()) return;
      const a = card.dataset.kind === "html" ? { html: body } : { text: body };
      if (title) a.title = title;
      out.push(a);
      cards.push(card);
    });
    return [out, cards];
  }

  // ---- results ---------------------------------------------------------------
  function markerNumbers(data) {
    const numbers = new Map();
    data.articles.forEach((a, i) => numbers.set(a.id, i + 1));
    return numbers;
  }

  function articleLabel(a, n) {
    return a.title || "Bài " + n;
  }

  function markerButton(n, label, onClick) {
    const b = el("button", { type: "button", class: "marker", "aria-pressed": "false", "aria-label": "Nguồn " + n + ": " + label }, "[" + n + "]");
    b.addEventListener("click", () => {
      document.querySelectorAll(".marker[aria-pressed=true]").forEach((m) => m.setAttribute("aria-pressed", "false"));
      b.setAttribute("aria-pressed", "true");
      onClick();
    });
    return b;
  }

  // Show article `a` in the source pane; highlight [start, end) of its cleaned text.
  function showSource(a, n, start, end) {
    $("source-hint").hidden = true;
    $("source-title").textContent = "[" + n + "] " + articleLabel(a, n);
    const meta = [a.source, a.published, a.id ? "mã bài: " + a.id : null].filter(Boolean).join(" · ");
    $("source-meta").textContent = meta;
    const box = $("source-text");
    box.replaceChildren();
    const text = a.text || "";
    let highlighted = null;
    let offset = 0;
    for (const para of text.split("\n")) {
      const pStart = offset;
      const pEnd = offset + para.length;
      offset = pEnd + 1;
      const p = el("p");
      if (start !== undefined && start < pEnd && end > pStart) {
        const s = Math.max(start, pStart) - pStart;
        const e = Math.min(end, pEnd) - pStart;
        p.appendChild(document.createTextNode(para.slice(0, s)));
        const m = el("mark", { tabindex: "-1" }, para.slice(s, e));
        p.appendChild(m);
        p.appendChild(document.createTextNode(para.slice(e)));
        highlighted = highlighted || m;
      } else {
        p.textContent = para;
      }
      box.appendChild(p);
    }
    if (!text) box.appendChild(el("p", { class: "meta" }, "Bài này không còn nội dung sau khi làm sạch."));
    const pane = $("source-pane");
    if (highlighted) {
      highlighted.focus({ preventScroll: true });
      highlighted.scrollIntoView({ block: "center", behavior: "smooth" });
    } else {
      pane.focus({ preventScroll: true });
      pane.scrollTop = 0;
    }
    if (window.matchMedia("(max-width: 52rem)").matches) pane.scrollIntoView({ behavior: "smooth" });
  }

  function renderList(listId, emptyId, items, build) {
    const list = $(listId);
    list.replaceChildren();
    (items || []).forEach((item) => list.appendChild(build(item)));
    $(emptyId).hidden = !!(items && items.length);
  }

  function render(data) {
    lastResult = data;
    const numbers = markerNumbers(data);
    const byId = new Map(data.articles.map((a) => [a.id, a]));
    const spans = new Map(data.sentences.map((s) => [s.article_id + "#" + s.index, s]));
    const summary = $("summary");
    summary.replaceChildren();
    const addSentence = (para, s) => {
      const a = byId.get(s.article_id);
      const n = numbers.get(s.article_id);
      para.appendChild(el("span", { class: "sentence" }, s.text + (s.cut ? "…" : "")));
      para.appendChild(markerButton(n, articleLabel(a, n), () => showSource(a, n, s.start, s.end)));
      para.appendChild(document.createTextNode(" "));
    };
    // A story of several dated events reads as one dated paragraph per event, in time order.
    const sections = eventSections(data);
    if (sections.length > 1) {
      sections.forEach(([ev, sents]) => {
        const box = el("section", { class: "event-section" });
        box.appendChild(el("h4", { class: "event-date" }, eventHeading(ev)));
        const para = el("p");
        sents.forEach((s) => addSentence(para, s));
        box.appendChild(para);
        summary.appendChild(box);
      });
    } else {
      const para = el("p");
      data.sentences.forEach((s) => addSentence(para, s));
      summary.appendChild(para);
    }
    const used = new Set(data.sentences.map((s) => s.article_id));
    $("summary-meta").textContent =
      data.words + " chữ · " + data.sentences.length + " câu từ " + used.size + "/" + data.articles.length + " bài · phương pháp " + data.method;
    const sources = $("sources");
    sources.replaceChildren();
    data.articles.forEach((a) => {
      const n = numbers.get(a.id);
      const li = el("li");
      const b = el("button", { type: "button", class: "link" }, articleLabel(a, n));
      b.addEventListener("click", () => showSource(a, n));
      li.appendChild(b);
      const meta = [a.source, a.published].filter(Boolean).join(" · ");
      if (meta) li.appendChild(el("span", { class: "meta" }, " " + meta));
      sources.appendChild(li);
    });
    $("source-hint").hidden = false;
    $("source-title").textContent = "";
    $("source-meta").textContent = "";
    $("source-text").replaceChildren();
    const notes = $("notes");
    notes.replaceChildren();
    (data.notes || []).forEach((note) => notes.appendChild(el("li", {}, note)));
    renderList("timeline", "timeline-empty", data.timeline, (ev) => {
      const li = el("li", ev.background ? { class: "background" } : {});
      // The server labels the date as every other format does ("21/1 (chưa rõ năm)").
      li.appendChild(el("time", { datetime: ev.date }, ev.date_label || ev.date));
      li.appendChild(document.createTextNode(ev.text));
      // Highlight the event's sentence when it is one of the summary's (those carry offsets).
      const at = ev.sentence ? spans.get(ev.sentence.article_id + "#" + ev.sentence.index) : null;
      (ev.article_ids || []).forEach((id) => {
        const a = byId.get(id);
        const n = numbers.get(id);
        const span = at && at.article_id === id ? at : null;
        if (a) li.appendChild(markerButton(n, articleLabel(a, n), () => showSource(a, n, span ? span.start : undefined, span ? span.end : undefined)));
      });
      return li;
    });
    renderList("entities", "entities-empty", data.entities, (ent) => {
      const li = el("li");
      li.appendChild(el("strong", {}, ent.name));
      const kind = [ENTITY_TYPES[ent.type] || ent.type, ent.role, ent.count + " lần"].filter(Boolean).join(", ");
      li.appendChild(el("span", { class: "entity-type" }, " (" + kind + ")"));
      if (ent.variants && ent.variants.length) li.appendChild(el("span", { class: "meta" }, " · còn gọi: " + ent.variants.join(", ")));
      (ent.articles || []).forEach((id) => {
        const a = byId.get(id);
        const n = numbers.get(id);
        if (a) li.appendChild(markerButton(n, articleLabel(a, n), () => showSource(a, n)));
      });
      return li;
    });
    const section = $("ket-qua");
    section.hidden = false;
    section.scrollIntoView({ behavior: "smooth", block: "start" });
  }

  // The summary's sentences grouped by the distinct event they tell (JSON
  // "event_groups", in time order, when the cluster tells several events); none for a
  // single story.
  function eventSections(data) {
    const events = data.event_groups || [];
    if (events.length < 2) return [];
    const spans = new Map(data.sentences.map((s) => [s.article_id + "#" + s.index, s]));
    return events
      .map((ev) => [ev, (ev.sentences || []).map((k) => spans.get(k.article_id + "#" + k.index)).filter(Boolean)])
      .filter(([, sents]) => sents.length);
  }

  // The heading the server gives each event (the text and HTML writers' own), or the
  // undated one.
  function eventHeading(ev) {
    return (ev && ev.heading) || "Chưa rõ thời gian";
  }

  function summaryAsText(data) {
    const numbers = markerNumbers(data);
    const paragraph = (sents) => sents.map((s) => s.text + (s.cut ? "…" : "") + " [" + numbers.get(s.article_id) + "]").join(" ");
    // As the text format: one dated paragraph per event when there are several.
    const sections = eventSections(data);
    const body = sections.length > 1
      ? sections.map(([ev, sents]) => "[" + eventHeading(ev) + "]\n" + paragraph(sents)).join("\n\n")
      : paragraph(data.sentences);
    const sources = data.articles.map((a, i) => "[" + (i + 1) + "] " + articleLabel(a, i + 1) + (a.url ? " " + a.url : ""));
    return body + "\n\nNguồn:\n" + sources.join("\n") + "\n";
  }

  // ---- actions ---------------------------------------------------------------
  function describeError(body, status) {
    const err = body && body.error;
    if (!err) return "Lỗi máy chủ (" + status + ").";
    const prefix = {
      413: "Dữ liệu quá lớn: ", 422: "Dữ liệu chưa hợp lệ: ", 400: "Dữ liệu chưa hợp lệ: ",
      503: "Máy chủ đang bận: ", 504: "Quá thời gian xử lý: ",
    }[status] || "Lỗi: ";
    return prefix + err.message;
  }

  function focusField(field, cards) {
    const m = /^articles\[(\d+)\]/.exec(field || "");
    if (m && cards[Number(m[1])]) cards[Number(m[1])].querySelector(".text").focus();
  }

  async function submit(event) {
    event.preventDefault();
    const [articles, cards] = collectArticles();
    if (!articles.length) {
      setStatus("Hãy dán ít nhất một bài báo.", true);
      document.querySelector(".article-card .text").focus();
      return;
    }
    const request = { articles: articles, include_text: true };
    const words = parseInt($("words").value, 10);
    if (!Number.isNaN(words)) request.words = words;
    if ($("method").value) request.method = $("method").value;
    const button = $("submit");
    button.disabled = true;
    setStatus("Đang tóm tắt " + articles.length + " bài…");
    try {
      const response = await fetch("/v1/summarize", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(request),
      });
      let body = null;
      try { body = await response.json(); } catch (e) { body = null; }
      if (!response.ok) {
        setStatus(describeError(body, response.status), true);
        focusField(body && body.error && body.error.field, cards);
        return;
      }
      render(body);
      setStatus("Xong: " + body.words + " chữ từ " + articles.length + " bài.");
    } catch (e) {
      setStatus("Không kết nối được với máy chủ.", true);
    } finally {
      button.disabled = false;
    }
  }

  async function copySummary() {
    if (!lastResult) return;
    const text = summaryAsText(lastResult);
    try {
      await navigator.clipboard.writeText(text);
    } catch (e) {
      const ta = el("textarea", { "aria-hidden": "true" });
      ta.value = text;
      ta.style.position = "fixed";
      ta.style.opacity = "0";
      document.body.appendChild(ta);
      ta.select();
      document.execCommand("copy");
      ta.remove();
    }
    setStatus("Đã sao chép bản tóm tắt.");
  }

  function downloadJson() {
    if (!lastResult) return;
    const blob = new Blob([JSON.stringify(lastResult, null, 2) + "\n"], { type: "application/json" });
    const url = URL.createObjectURL(blob);
    const a = el("a", { href: url, download: "tomtat-" + (lastResult.id || "summary") + ".json" });
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  async function loadMethods() {
    try {
      const response = await fetch("/v1/methods");
      const data = await response.json();
      const select = $("method");
      select.replaceChildren();
      data.methods.forEach((m) => {
        const label = m.name + (m.name === data.default ? " (mặc định)" : "") + " · " + m.description;
        const opt = el("option", { value: m.name }, label);
        if (m.name === data.default) opt.selected = true;
        select.appendChild(opt);
      });
    } catch (e) {
      /* keep "Mặc định": the server picks its default method */
    }
  }

  function setupDrop() {
    const zone = document.body;
    const drop = $("drop");
    zone.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
    zone.addEventListener("dragleave", (e) => { if (e.target === drop || !e.relatedTarget) drop.classList.remove("over"); });
    zone.addEventListener("drop", (e) => {
      e.preventDefault();
      drop.classList.remove("over");
      addFiles(e.dataTransfer && e.dataTransfer.files);
    });
    $("files").addEventListener("change", (e) => { addFiles(e.target.files); e.target.value = ""; });
  }

  document.addEventListener("DOMContentLoaded", () => {
    addCard();
    addCard();
    $("add").addEventListener("click", () => addCard().querySelector(".text").focus());
    $("form").addEventListener("submit", submit);
    $("copy").addEventListener("click", copySummary);
    $("download").addEventListener("click", downloadJson);
    setupDrop();
    loadMethods();
  });
})();
