// The figures playground: send the text to POST /v1/extract?explain=true and show the answer.
//
// Plain DOM, no framework and no build step. The text the user typed only ever reaches the page
// as textContent or a text node, never as HTML, so a text holding markup shows as text. The page
// runs under a strict Content-Security-Policy: no inline code or style; the only styles set
// here are classes, and the card's position (element.style, which CSP allows).
"use strict";

(function () {
  const KINDS = ["count", "measurement", "percentage", "money"];
  // The spans of a claim's reading and frames marked in the text while its card is open, each
  // with the card's label: [role, label, span of the claim].
  const FRAME_SPANS = [
    ["entity", "entity", (c) => c.entity],
    ["subject", "subject", (c) => c.subject],
    ["source", "source", (c) => c.source],
    ["cue", "cue", (c) => c.source && c.source.cue],
    ["time", "time", (c) => c.time],
    ["trigger", "change", (c) => c.change && c.change.trigger],
  ];
  // CSV columns: [heading, value of a claim]. Text cells are guarded against spreadsheet formulas.
  const CSV_COLUMNS = [
    ["text", (c) => c.text],
    ["start", (c) => c.start],
    ["end", (c) => c.end],
    ["kind", (c) => c.kind],
    ["value", (c) => c.value],
    ["low", (c) => c.low],
    ["high", (c) => c.high],
    ["relation", (c) => c.relation],
    ["approximate", (c) => c.approximate],
    ["unit", (c) => c.unit && c.unit.name],
    ["unit_surface", (c) => c.unit && c.unit.surface],
    ["normalized_value", (c) => c.normalized && c.normalized.value],
    ["normalized_low", (c) => c.normalized && c.normalized.low],
    ["normalized_high", (c) => c.normalized && c.normalized.high],
    ["normalized_unit", (c) => c.normalized && c.normalized.unit],
    ["entity", (c) => c.entity && c.entity.text],
    ["change_direction", (c) => c.change && c.change.direction],
    ["change_role", (c) => c.change && c.change.role],
    ["change_trigger", (c) => c.change && c.change.trigger.text],
    ["source", (c) => c.source && c.source.text],
    ["source_cue", (c) => c.source && c.source.cue.text],
    ["time", (c) => c.time && c.time.text],
    ["time_start", (c) => c.time && c.time.resolved && c.time.resolved.start],
    ["time_end", (c) => c.time && c.time.resolved && c.time.resolved.end],
    ["subject", (c) => c.subject && c.subject.text],
    ["sentence", (c) => c.sentence.text],
  ];
  // Table columns that sort: the value each row sorts by (null sorts last).
  const SORT_KEYS = {
    start: (c) => c.start,
    text: (c) => c.text,
    kind: (c) => c.kind,
    amount: (c) => first(c.value, c.low, c.high),
    relation: (c) => c.relation,
    approximate: (c) => (c.approximate ? 1 : 0),
    unit: (c) => c.unit && c.unit.name,
    normalized: (c) => c.normalized && first(c.normalized.value, c.normalized.low, c.normalized.high),
    entity: (c) => c.entity && c.entity.text,
    source: (c) => c.source && c.source.text,
    time: (c) => c.time && c.time.text,
  };
  const NARROW = window.matchMedia("(max-width: 40rem)");

  const $ = (id) => document.getElementById(id);
  const REASONS = JSON.parse($("reasons").textContent);
  const state = {
    request: 0, // the number of the latest request: older answers are dropped
    answer: null, // the service's answer, as it came
    claims: [],
    marks: [], // the <mark> of each claim, by index
    frames: [], // the parts of the text each claim's card marks: [[element, role], ...] by index
    open: -1, // the claim whose card is open
    sort: { key: "start", direction: 1 },
  };

  function first(...values) {
    for (const value of values) if (value !== null && value !== undefined) return value;
    return null;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function setStatus(node, message, kind) {
    node.textContent = message;
    node.dataset.state = kind;
  }

  // Tell that an answer (or a failure) of an extraction is on the page: the count only grows.
  function answered(message, kind) {
    const status = $("status");
    setStatus(status, message, kind);
    status.dataset.answers = String(Number(status.dataset.answers || 0) + 1);
  }

  // Offsets in the answer count Unicode code points; JavaScript strings count UTF-16 units.
  function utf16Offsets(text) {
    if (!/[\uD800-\uDFFF]/.test(text)) return (offset) => offset;
    const units = [0];
    for (const character of text) units.push(units[units.length - 1] + character.length);
    return (offset) => units[Math.min(offset, units.length - 1)];
  }

  function codePointLength(text) {
    const pairs = text.match(/[\uD800-\uDBFF][\uDC00-\uDFFF]/g);
    return text.length - (pairs ? pairs.length : 0);
  }

  // ---- extraction ----

  async function extract() {
    const text = $("text").value;
    const body = { text: text };
    const date = $("reference-date").value;
    if (date) body.reference_date = date;
    const number = ++state.request;
    setStatus($("status"), "Extracting…", "busy");
    let response;
    let answer = null;
    try {
      response = await fetch(document.body.dataset.extractUrl + "?explain=true", {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      });
      answer = await response.json().catch(() => null);
    } catch (error) {
      if (number === state.request) answered("The service did not answer.", "error");
      return;
    }
    if (number !== state.request) return; // a newer request was sent meanwhile
    if (!response.ok || answer === null) {
      const detail = answer && typeof answer.detail === "string" ? answer.detail : "";
      answered(`Error ${response.status}. ${detail}`.trim(), "error");
      return;
    }
    show(text, answer);
  }

  function show(text, answer) {
    closeCard();
    state.answer = answer;
    state.claims = answer.claims;
    const rejected = answer.rejected || [];
    renderText(text, state.claims, rejected);
    renderTable();
    renderLeftOut(rejected);
    const claims = state.claims.length === 1 ? "1 claim" : `${state.claims.length} claims`;
    const left = rejected.length === 1 ? "1 number" : `${rejected.length} numbers`;
    answered(`${claims}; ${left} left out.`, "done");
  }

  // ---- the text, with its claims highlighted ----

  // Cut the text at every boundary of a claim, a left-out number and a frame span, so that each
  // piece lies wholly in or out of each of them; a claim's pieces go into its own <mark>.
  function renderText(text, claims, rejected) {
    const toUnits = utf16Offsets(text);
    const length = codePointLength(text);
    const boxes = [];
    claims.forEach((claim, index) => boxes.push({ start: claim.start, end: claim.end, claim: index }));
    rejected.forEach((item) => boxes.push({ start: item.start, end: item.end, rejected: item }));
    boxes.sort((a, b) => a.start - b.start || a.end - b.end);
    const spans = [];
    claims.forEach((claim, index) => {
      for (const [role, , span] of FRAME_SPANS) {
        const found = span(claim);
        if (found) spans.push({ start: found.start, end: found.end, claim: index, role: role });
      }
    });
    spans.sort((a, b) => a.start - b.start);
    const covering = sweep(spans);
    state.marks = new Array(claims.length);
    state.frames = claims.map(() => []);
    const whole = document.createDocumentFragment();
    let at = 0;
    for (const box of boxes) {
      if (box.start < at || box.end <= box.start) continue; // overlaps: never from the service
      appendPieces(whole, text, toUnits, at, box.start, covering);
      const holder = box.rejected ? leftOutBox(box.rejected) : claimMark(claims[box.claim], box.claim);
      appendPieces(holder, text, toUnits, box.start, box.end, covering);
      whole.append(holder);
      at = box.end;
    }
    appendPieces(whole, text, toUnits, at, length, covering);
    $("rendered").replaceChildren(whole);
  }

  // Return a function of (start, end) that gives the spans overlapping text[start:end], for
  // ranges asked in text order: a sweep, so that a long text costs no more than its spans.
  function sweep(sorted) {
    let next = 0;
    let active = [];
    return (start, end) => {
      while (next < sorted.length && sorted[next].start < end) active.push(sorted[next++]);
      active = active.filter((span) => span.end > start);
      return active.filter((span) => span.start < end && span.end > span.start);
    };
  }

  // Append text[start:end] (code points) to parent: a text node for each piece no frame span
  // covers, a <span> for each piece one does (marked while that claim's card is open).
  function appendPieces(parent, text, toUnits, start, end, overlapping) {
    if (end <= start) return;
    const cuts = new Set([start, end]);
    const inside = overlapping(start, end);
    for (const span of inside) {
      if (span.start > start) cuts.add(span.start);
      if (span.end < end) cuts.add(span.end);
    }
    const points = Array.from(cuts).sort((a, b) => a - b);
    for (let i = 0; i + 1 < points.length; i += 1) {
      const [from, to] = [points[i], points[i + 1]];
      const piece = text.slice(toUnits(from), toUnits(to));
      const covering = inside.filter((span) => span.start <= from && span.end >= to);
      if (covering.length === 0) {
        parent.append(document.createTextNode(piece));
        continue;
      }
      const node = element("span", "part", piece);
      for (const span of covering) state.frames[span.claim].push([node, span.role]);
      parent.append(node);
    }
  }

  function claimMark(claim, index) {
    const kind = KINDS.includes(claim.kind) ? claim.kind : "other";
    const mark = element("mark", `claim kind-${kind}`);
    mark.tabIndex = 0;
    mark.dataset.claim = String(index);
    mark.dataset.kind = claim.kind;
    mark.title = `${claim.kind}: open its reading`;
    mark.setAttribute("role", "button");
    mark.setAttribute("aria-controls", "card");
    mark.setAttribute("aria-expanded", "false");
    state.marks[index] = mark;
    return mark;
  }

  function leftOutBox(rejection) {
    const box = element("span", "left-out");
    box.dataset.reason = rejection.reason;
    box.title = `left out: ${rejection.reason} (${REASONS[rejection.reason] || "no description"})`;
    return box;
  }

  // ---- the card of one claim ----

  function openCard(index) {
    if (index === state.open) return;
    closeCard();
    const claim = state.claims[index];
    const mark = state.marks[index];
    if (!claim || !mark) return;
    state.open = index;
    mark.classList.add("open");
    mark.setAttribute("aria-expanded", "true");
    for (const [node, role] of state.frames[index]) node.classList.add("frame", `frame-${role}`);
    $("card-title").replaceChildren(
      element("span", `swatch kind-${KINDS.includes(claim.kind) ? claim.kind : "other"}`),
      document.createTextNode(`“${claim.text}” — ${claim.kind}`)
    );
    $("card-fields").replaceChildren(...cardFields(claim));
    const card = $("card");
    card.dataset.claim = String(index);
    card.hidden = false;
    placeCard(card, mark);
  }

  function closeCard() {
    const index = state.open;
    if (index < 0) return;
    state.open = -1;
    const mark = state.marks[index];
    if (mark) {
      mark.classList.remove("open");
      mark.setAttribute("aria-expanded", "false");
    }
    for (const [node, role] of state.frames[index] || []) node.classList.remove("frame", `frame-${role}`);
    $("card").hidden = true;
    delete $("card").dataset.claim;
  }

  // Below the highlight on a wide window; a sheet at the bottom on a narrow one (CSS).
  function placeCard(card, mark) {
    if (NARROW.matches) {
      card.style.top = "";
      card.style.left = "";
      return;
    }
    const box = card.parentElement.getBoundingClientRect();
    const at = mark.getClientRects()[0] || mark.getBoundingClientRect();
    const below = mark.getBoundingClientRect().bottom - box.top + 6;
    const room = box.width - card.offsetWidth;
    card.style.top = `${Math.round(below)}px`;
    card.style.left = `${Math.round(Math.max(0, Math.min(at.left - box.left, room)))}px`;
  }

  function cardFields(claim) {
    const rows = [];
    const add = (label, field, ...content) => {
      const term = element("dt", null);
      const role = FRAME_SPANS.find(([, name]) => name === label);
      if (role) term.append(element("span", `swatch frame-swatch frame-${role[0]}`));
      term.append(document.createTextNode(label));
      const value = element("dd", null);
      value.dataset.field = field;
      value.append(...content.map((part) => (typeof part === "string" ? document.createTextNode(part) : part)));
      rows.push(term, value);
    };
    if (claim.value !== null) add("value", "value", formatNumber(claim.value));
    else add("interval", "value", interval(claim.low, claim.high));
    add("relation", "relation", claim.relation.replace(/_/g, " "));
    add("hedged", "approximate", claim.approximate ? "yes, approximate" : "no, exact");
    add("unit", "unit", claim.unit ? unitText(claim.unit) : "none");
    add("normalised", "normalized", claim.normalized ? normalizedText(claim.normalized) : "none");
    add("entity", "entity", spanText(claim.entity));
    add("change", "change", ...changeParts(claim.change));
    add("source", "source", ...sourceParts(claim.source));
    add("time", "time", ...timeParts(claim.time));
    add("subject", "subject", spanText(claim.subject));
    add("sentence", "sentence", element("q", "sentence", claim.sentence.text));
    return rows;
  }

  function quoted(text, field) {
    const node = element("q", null, text);
    if (field) node.dataset.field = field;
    return node;
  }

  function spanText(span) {
    return span ? quoted(span.text) : "none";
  }

  function changeParts(change) {
    if (!change) return ["none"];
    return [`${change.direction}, the amount ${change.role}; trigger `, quoted(change.trigger.text, "trigger")];
  }

  function sourceParts(source) {
    if (!source) return ["none"];
    return [quoted(source.text, "source-text"), ", cue ", quoted(source.cue.text, "cue")];
  }

  function timeParts(time) {
    if (!time) return ["none"];
    const resolved = time.resolved;
    let days = "not resolved: give a reference date";
    if (resolved) days = resolved.start === resolved.end ? resolved.start : `${resolved.start} to ${resolved.end}`;
    return [quoted(time.text, "time-text"), " → ", element("span", "resolved", days)];
  }

  function formatNumber(value) {
    return value === null ? "" : Number(value).toLocaleString("en", { maximumFractionDigits: 12 });
  }

  function interval(low, high) {
    const from = low === null ? "(open)" : formatNumber(low);
    const to = high === null ? "(open)" : formatNumber(high);
    return `${from} to ${to}`;
  }

  function amount(claimish) {
    return claimish.value !== null ? formatNumber(claimish.value) : interval(claimish.low, claimish.high);
  }

  function unitText(unit) {
    const symbol = unit.symbol ? `, ${unit.symbol}` : "";
    return `${unit.name}${symbol} (${unit.dimension}; written “${unit.surface}”)`;
  }

  function normalizedText(normalized) {
    return `${amount(normalized)} ${normalized.unit}`;
  }

  // ---- the table of claims ----

  function renderTable() {
    const order = state.claims.map((claim, index) => index);
    const key = SORT_KEYS[state.sort.key];
    const direction = state.sort.direction;
    order.sort((a, b) => compare(key(state.claims[a]), key(state.claims[b]), direction) || a - b);
    const rows = order.map((index) => tableRow(state.claims[index], index));
    document.querySelector("#claims-table tbody").replaceChildren(...rows);
    for (const heading of document.querySelectorAll("#claims-table th[data-sort]")) {
      const sorted = heading.dataset.sort === state.sort.key;
      heading.setAttribute("aria-sort", sorted ? (direction > 0 ? "ascending" : "descending") : "none");
    }
  }

  function compare(a, b, direction) {
    const missing = (value) => value === null || value === undefined;
    if (missing(a) || missing(b)) return missing(a) - missing(b); // null last, either way
    if (typeof a === "number" && typeof b === "number") return (a - b) * direction;
    return String(a).localeCompare(String(b)) * direction;
  }

  function tableRow(claim, index) {
    const row = element("tr", null);
    row.dataset.claim = String(index);
    const show = element("button", "link", claim.text);
    show.type = "button";
    show.title = "Show it in the text";
    show.addEventListener("click", () => {
      const mark = state.marks[index];
      if (!mark) return;
      mark.scrollIntoView({ block: "center" });
      mark.focus({ preventScroll: true });
      openCard(index);
    });
    const textCell = element("td", null);
    textCell.append(show);
    const cells = [
      element("td", "number", index + 1),
      textCell,
      element("td", `kind kind-text-${claim.kind}`, claim.kind),
      element("td", null, amount(claim)),
      element("td", null, claim.relation.replace(/_/g, " ")),
      element("td", null, claim.approximate ? "yes" : "no"),
      element("td", null, claim.unit ? claim.unit.surface : ""),
      element("td", null, claim.normalized ? normalizedText(claim.normalized) : ""),
      element("td", null, claim.entity ? claim.entity.text : ""),
      element("td", null, claim.source ? claim.source.text : ""),
      element("td", null, claim.time ? claim.time.text : ""),
    ];
    row.append(...cells);
    return row;
  }

  // ---- the numbers left out ----

  function renderLeftOut(rejected) {
    const rows = rejected.map((item) => {
      const row = element("tr", null);
      row.dataset.reason = item.reason;
      row.append(
        element("td", "left-out-text", item.text),
        element("td", null, item.reason),
        element("td", null, REASONS[item.reason] || "")
      );
      return row;
    });
    document.querySelector("#left-out-table tbody").replaceChildren(...rows);
  }

  function toggleLeftOut() {
    const shown = $("show-left-out").checked;
    $("left-out").hidden = !shown;
    $("rendered").classList.toggle("show-left-out", shown);
  }

  // ---- copy and download ----

  async function copyJson() {
    if (!state.answer) return;
    const json = JSON.stringify(state.answer, null, 2);
    try {
      await navigator.clipboard.writeText(json);
      setStatus($("action-status"), "Copied the answer as JSON.", "done");
    } catch (error) {
      // The clipboard API needs a secure context (https or localhost): fall back to a selection.
      const scratch = element("textarea", "scratch");
      scratch.value = json;
      document.body.append(scratch);
      scratch.select();
      const copied = document.execCommand("copy");
      scratch.remove();
      setStatus($("action-status"), copied ? "Copied the answer as JSON." : "Could not copy.", copied ? "done" : "error");
    }
  }

  function csvCell(value) {
    if (value === null || value === undefined) return "";
    let text = String(value);
    // A text cell that a spreadsheet would run as a formula gets a leading apostrophe.
    if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
    return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  }

  function csv(claims) {
    const lines = [CSV_COLUMNS.map(([name]) => name).join(",")];
    for (const claim of claims) lines.push(CSV_COLUMNS.map(([, value]) => csvCell(value(claim))).join(","));
    return lines.join("\r\n") + "\r\n";
  }

  function downloadCsv() {
    if (!state.answer) return;
    const blob = new Blob([csv(state.claims)], { type: "text/csv;charset=utf-8" });
    const link = element("a", null);
    link.href = URL.createObjectURL(blob);
    link.download = "claims.csv";
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 0);
    setStatus($("action-status"), "Downloaded claims.csv.", "done");
  }

  // ---- events ----

  function markOf(target) {
    return target instanceof Element ? target.closest("mark.claim") : null;
  }

  function start() {
    $("extract").addEventListener("click", extract);
    $("reference-date").addEventListener("change", extract);
    document.addEventListener("keydown", (event) => {
      if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        extract();
      } else if (event.key === "Escape" && state.open >= 0) {
        const mark = state.marks[state.open];
        const inCard = $("card").contains(document.activeElement);
        closeCard();
        if (inCard && mark) mark.focus({ preventScroll: true });
      }
    });
    const rendered = $("rendered");
    rendered.addEventListener("focusin", (event) => {
      const mark = markOf(event.target);
      // Focus handed back by the card as it closes leaves it closed.
      const fromCard = event.relatedTarget instanceof Element && $("card").contains(event.relatedTarget);
      if (mark && !fromCard) openCard(Number(mark.dataset.claim));
    });
    rendered.addEventListener("click", (event) => {
      const mark = markOf(event.target);
      if (mark) openCard(Number(mark.dataset.claim));
    });
    rendered.addEventListener("focusout", (event) => {
      const next = event.relatedTarget;
      if (next instanceof Element && !next.closest("#rendered, #card")) closeCard();
    });
    rendered.addEventListener("keydown", (event) => {
      const mark = markOf(event.target);
      if (mark && (event.key === "Enter" || event.key === " ")) {
        event.preventDefault();
        openCard(Number(mark.dataset.claim));
      }
    });
    document.addEventListener("click", (event) => {
      const inside = event.target instanceof Element && event.target.closest("#card, mark.claim, #claims-table");
      if (!inside) closeCard();
    });
    $("card-close").addEventListener("click", () => {
      const mark = state.marks[state.open];
      closeCard();
      if (mark) mark.focus({ preventScroll: true });
    });
    window.addEventListener("resize", () => {
      if (state.open >= 0) placeCard($("card"), state.marks[state.open]);
    });
    for (const heading of document.querySelectorAll("#claims-table th[data-sort]")) {
      heading.querySelector("button").addEventListener("click", () => {
        const key = heading.dataset.sort;
        const direction = state.sort.key === key ? -state.sort.direction : 1;
        state.sort = { key: key, direction: direction };
        renderTable();
      });
    }
    $("show-left-out").addEventListener("change", toggleLeftOut);
    $("copy-json").addEventListener("click", copyJson);
    $("download-csv").addEventListener("click", downloadCsv);
    toggleLeftOut();
    extract();
  }

  start();
})();
