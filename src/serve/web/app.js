// chronicle's search page.
//
// The page's whole state lives in its URL: /?q=&from=&to=&entity=TYPE:NAME (repeatable)&sort=&page=
// and &article=ID for the article view. Every action builds a new state, pushes it onto the history
// and renders from it; the back button (popstate) renders the state it returns to; a reload or a
// bookmark renders the same page. Rendering only ever reads the state, never the other way round.
//
// Safety: text from the archive is put into the page with textContent or as SVG text nodes, never as
// HTML. The only HTML inserted is `snippet_html`, which the server escaped itself (its only tags are
// <mark>). The server's Content-Security-Policy forbids inline scripts as a second line of defence.
"use strict";

(function () {
  const PAGE_SIZE = 10;
  const FACETS = 10;
  const KINDS = [
    ["org", "Organisations"],
    ["person", "People"],
    ["place", "Places"],
  ];

  const $ = (id) => document.getElementById(id);

  // ---- state <-> URL -------------------------------------------------------------------------

  function readState() {
    const p = new URLSearchParams(location.search);
    const page = parseInt(p.get("page") || "1", 10);
    return {
      q: p.get("q") || "",
      from: p.get("from") || "",
      to: p.get("to") || "",
      entity: p.getAll("entity").filter((e) => e.includes(":")),
      sort: p.get("sort") === "date" ? "date" : "relevance",
      page: Number.isFinite(page) && page > 0 ? page : 1,
      article: p.get("article") || "",
    };
  }

  function stateUrl(s) {
    const p = new URLSearchParams();
    if (s.q) p.set("q", s.q);
    if (s.from) p.set("from", s.from);
    if (s.to) p.set("to", s.to);
    for (const e of s.entity) p.append("entity", e);
    if (s.sort !== "relevance") p.set("sort", s.sort);
    if (s.page > 1) p.set("page", String(s.page));
    if (s.article) p.set("article", s.article);
    const qs = p.toString();
    return qs ? "/?" + qs : "/";
  }

  function navigate(next) {
    const url = stateUrl(next);
    if (url !== location.pathname + location.search) history.pushState(null, "", url);
    render(readState());
  }

  // A link that navigates within the page on a plain click but stays a real link (open in a new tab).
  function stateLink(text, next, className) {
    const a = document.createElement("a");
    a.textContent = text;
    a.href = stateUrl(next);
    if (className) a.className = className;
    a.addEventListener("click", (ev) => {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
      ev.preventDefault();
      navigate(next);
    });
    return a;
  }

  const searchState = (s) => ({ ...s, article: "" });
  const sameEntity = (a, b) => a.toLowerCase() === b.toLowerCase();

  // ---- talking to the API ------------------------------------------------------------------

  function apiParams(s, extra) {
    const p = new URLSearchParams();
    p.set("q", s.q);
    if (s.from) p.set("from", s.from);
    if (s.to) p.set("to", s.to);
    for (const e of s.entity) p.append("entity", e);
    for (const [k, v] of Object.entries(extra)) p.set(k, String(v));
    return p.toString();
  }

  async function api(path) {
    const response = await fetch(path, { headers: { Accept: "application/json" } });
    let body = null;
    try {
      body = await response.json();
    } catch (_) {
      body = null;
    }
    if (!response.ok) {
      throw new Error((body && body.error) || "the server answered " + response.status);
    }
    return body;
  }

  // Each render gets a number; answers that arrive after a newer render started are dropped, so a
  // slow old search never overwrites a newer one.
  let generation = 0;

  async function render(s) {
    const mine = ++generation;
    fillForm(s);
    showError("");
    if (s.article) {
      await renderArticle(s, mine);
    } else if (!s.q && !s.from && !s.to && s.entity.length === 0) {
      show("intro");
      document.title = "chronicle";
    } else {
      await renderSearch(s, mine);
    }
  }

  function show(view) {
    $("results-view").hidden = view !== "results";
    $("article-view").hidden = view !== "article";
    $("intro").hidden = view !== "intro";
  }

  function showError(message) {
    $("error").textContent = message;
    $("error").hidden = !message;
  }

  // ---- the search form -----------------------------------------------------------------------

  function fillForm(s) {
    $("q").value = s.q;
    $("from").value = s.from;
    $("to").value = s.to;
    $("sort").value = s.sort;
    const active = $("active");
    active.replaceChildren();
    for (const e of s.entity) {
      const [kind, ...rest] = e.split(":");
      active.append(chip(kind, rest.join(":"), "Remove this filter", () =>
        navigate({ ...searchState(s), entity: s.entity.filter((x) => x !== e), page: 1 })));
    }
    if (s.from || s.to) {
      const label = (s.from || "…") + " – " + (s.to || "…");
      active.append(chip("dates", label, "Clear the date range", () =>
        navigate({ ...searchState(s), from: "", to: "", page: 1 })));
    }
  }

  function chip(kind, text, removeLabel, onRemove) {
    const c = document.createElement("span");
    c.className = "chip";
    const k = document.createElement("span");
    k.className = "kind";
    k.textContent = kind;
    const t = document.createElement("span");
    t.textContent = text;
    const x = document.createElement("button");
    x.type = "button";
    x.textContent = "×";
    x.title = removeLabel;
    x.setAttribute("aria-label", removeLabel + ": " + text);
    x.addEventListener("click", onRemove);
    c.append(k, t, x);
    return c;
  }

  function formState() {
    const s = readState();
    return {
      ...searchState(s),
      q: $("q").value.trim(),
      from: $("from").value.trim(),
      to: $("to").value.trim(),
      sort: $("sort").value,
      page: 1,
    };
  }

  // ---- results -------------------------------------------------------------------------------

  async function renderSearch(s, mine) {
    show("results");
    document.title = (s.q || "Archive") + " — chronicle";
    $("results-view").classList.add("loading");
    let results, timeline, facets;
    try {
      [results, timeline, facets] = await Promise.all([
        api("/api/search?" + apiParams(s, {
          sort: s.sort, limit: PAGE_SIZE, offset: (s.page - 1) * PAGE_SIZE, facets: 0,
        })),
        api("/api/timeline?" + apiParams(s, { interval: "auto" })),
        // Ordered by relevance: for a broad query, the names the best stories carry, not the
        // names that are merely frequent (see src/search/relevant.rs).
        api("/api/facets?" + apiParams(s, { limit: FACETS, order: "relevance" })),
      ]);
    } catch (err) {
      if (mine !== generation) return;
      $("results-view").classList.remove("loading");
      show("error");
      showError(err.message);
      return;
    }
    if (mine !== generation) return;
    $("results-view").classList.remove("loading");
    renderSummary(s, results);
    renderFacets(s, facets);
    renderTimeline(s, timeline);
    renderHits(s, results);
    renderPager(s, results.total);
  }

  function renderSummary(s, r) {
    const summary = $("summary");
    summary.replaceChildren();
    const n = document.createElement("strong");
    n.textContent = r.total.toLocaleString("en");
    summary.append(n, r.total === 1 ? " article" : " articles");
    if (s.q) summary.append(" for “" + s.q + "”");
    if (r.hits.length > 0) {
      summary.append(" · showing " + (r.offset + 1) + "–" + (r.offset + r.hits.length));
    }
  }

  function renderFacets(s, facets) {
    const aside = $("facets");
    aside.replaceChildren();
    for (const [kind, title] of KINDS) {
      const h = document.createElement("h2");
      h.textContent = title;
      aside.append(h);
      const list = facets[kind] || [];
      if (list.length === 0) {
        const none = document.createElement("p");
        none.className = "none";
        none.textContent = "none among these results";
        aside.append(none);
        continue;
      }
      const ul = document.createElement("ul");
      for (const f of list) {
        const key = kind + ":" + f.name;
        const on = s.entity.some((e) => sameEntity(e, key));
        const b = document.createElement("button");
        b.type = "button";
        b.className = "facet";
        b.dataset.entity = key;
        b.setAttribute("aria-pressed", on ? "true" : "false");
        b.title = on ? "Remove this filter" : "Only articles that mention " + f.name;
        const name = document.createElement("span");
        name.textContent = f.name;
        const count = document.createElement("span");
        count.className = "count";
        count.textContent = f.count.toLocaleString("en");
        b.append(name, count);
        b.addEventListener("click", () => {
          const entity = on ? s.entity.filter((e) => !sameEntity(e, key)) : [...s.entity, key];
          navigate({ ...searchState(s), entity, page: 1 });
        });
        const li = document.createElement("li");
        li.append(b);
        ul.append(li);
      }
      aside.append(ul);
    }
  }

  const SVG = "http://www.w3.org/2000/svg";
  function svg(name, attrs) {
    const el = document.createElementNS(SVG, name);
    for (const [k, v] of Object.entries(attrs || {})) el.setAttribute(k, String(v));
    return el;
  }

  const INTERVAL_NAMES = { year: "year", month: "month", week: "week", day: "day" };

  // The last timeline drawn, to redraw it at the new width when the window is resized.
  let drawn = null;

  function renderTimeline(s, t) {
    drawn = { s, t };
    const figure = $("timeline");
    const chart = $("chart");
    chart.replaceChildren();
    if (!t.buckets.length) {
      figure.hidden = true;
      return;
    }
    figure.hidden = false;
    const max = Math.max(1, ...t.buckets.map((b) => b.count));
    const caption = $("timeline-caption");
    caption.replaceChildren();
    const left = document.createElement("span");
    left.textContent = "Articles per " + (INTERVAL_NAMES[t.interval] || t.interval) +
      " · click a bar to read that period";
    const right = document.createElement("span");
    right.textContent = t.undated ? t.undated.toLocaleString("en") + " undated not shown" : "";
    caption.append(left, right);

    // Drawn in the chart's own pixels (not a scaled viewBox), so labels keep their shape.
    const W = Math.max(200, chart.clientWidth || 800), H = 130, top = 14, bottom = 20, plot = H - top - bottom;
    const n = t.buckets.length;
    const step = W / n;
    const gap = n > 1 ? Math.min(step * 0.2, 6) : 0;
    const root = svg("svg", {
      viewBox: `0 0 ${W} ${H}`, width: W, height: H, role: "img",
      "aria-label": "Timeline of the results",
    });
    root.append(svg("line", { x1: 0, x2: W, y1: top + plot + 0.5, y2: top + plot + 0.5, class: "baseline" }));
    t.buckets.forEach((b, i) => {
      const g = svg("g", { class: "bucket", tabindex: 0, role: "button" });
      g.dataset.from = b.from;
      g.dataset.to = b.to;
      g.dataset.count = b.count;
      const title = svg("title");
      title.textContent = `${b.key}: ${b.count.toLocaleString("en")} article${b.count === 1 ? "" : "s"}`;
      const x = i * step;
      const h = b.count ? Math.max(2, (b.count / max) * plot) : 0;
      g.append(
        title,
        svg("rect", { class: "hit", x, y: 0, width: step, height: top + plot }),
        svg("rect", { class: "bar", x: x + gap / 2, y: top + plot - h, width: Math.max(1, step - gap), height: h }),
      );
      const pick = () => navigate({ ...searchState(s), from: b.from, to: b.to, page: 1 });
      g.addEventListener("click", pick);
      g.addEventListener("keydown", (ev) => {
        if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); pick(); }
      });
      root.append(g);
    });
    // At most about eight labels, always the first and the last.
    const every = Math.max(1, Math.ceil(n / 8));
    t.buckets.forEach((b, i) => {
      if (i % every !== 0 && i !== n - 1) return;
      if (i === n - 1 && i % every !== 0 && (n - 1) % every < every / 2) return;
      const label = svg("text", {
        x: i * step + step / 2, y: H - 5, class: "axis",
        "text-anchor": n === 1 ? "middle" : i === 0 ? "start" : i === n - 1 ? "end" : "middle",
      });
      label.textContent = b.key;
      root.append(label);
    });
    const peak = svg("text", { x: 2, y: 10, class: "axis" });
    peak.textContent = "max " + max.toLocaleString("en");
    root.append(peak);
    chart.append(root);
  }

  function renderHits(s, r) {
    const ol = $("hits");
    ol.replaceChildren();
    for (const hit of r.hits) {
      const li = document.createElement("li");
      li.className = "hit";
      li.dataset.id = hit.id;
      const h = document.createElement("h3");
      h.append(stateLink(hit.title || "(untitled)", { ...s, article: hit.id }));
      const meta = document.createElement("p");
      meta.className = "meta";
      const parts = [hit.date || "undated", hit.source];
      parts.forEach((p, i) => {
        if (i) meta.append(sep());
        const span = document.createElement("span");
        span.textContent = p;
        if (i === 0) span.className = "date";
        meta.append(span);
      });
      meta.append(sep());
      const path = document.createElement("span");
      path.className = "path";
      path.textContent = hit.path;
      meta.append(path);
      const snippet = document.createElement("p");
      snippet.className = "snippet";
      // Escaped by the server; its only markup is <mark> around the matched words.
      snippet.innerHTML = hit.snippet_html;
      li.append(h, meta, snippet);
      const names = [...hit.entities.org, ...hit.entities.person, ...hit.entities.place];
      if (names.length) {
        const p = document.createElement("p");
        p.className = "names";
        p.textContent = names.slice(0, 8).join(" · ") + (names.length > 8 ? " …" : "");
        li.append(p);
      }
      ol.append(li);
    }
    if (r.hits.length === 0) {
      const li = document.createElement("li");
      li.className = "hit";
      li.textContent = r.total ? "No more results on this page." : "No articles match. Try fewer words or filters.";
      ol.append(li);
    }
  }

  function sep() {
    const s = document.createElement("span");
    s.className = "sep";
    s.textContent = "|";
    return s;
  }

  function renderPager(s, total) {
    const nav = $("pager");
    nav.replaceChildren();
    // The server pages at most 10,000 deep.
    const pages = Math.min(Math.ceil(total / PAGE_SIZE), Math.floor(10000 / PAGE_SIZE) + 1);
    if (pages <= 1) return;
    const disabled = (text) => {
      const span = document.createElement("span");
      span.className = "disabled";
      span.textContent = text;
      return span;
    };
    nav.append(s.page > 1 ? stateLink("← Previous", { ...s, page: s.page - 1 }, "prev") : disabled("← Previous"));
    const where = document.createElement("span");
    where.textContent = `Page ${s.page} of ${pages.toLocaleString("en")}`;
    nav.append(where);
    nav.append(s.page < pages ? stateLink("Next →", { ...s, page: s.page + 1 }, "next") : disabled("Next →"));
  }

  // ---- the article view ------------------------------------------------------------------------

  async function renderArticle(s, mine) {
    let a;
    try {
      a = await api("/api/articles/" + encodeURIComponent(s.article));
    } catch (err) {
      if (mine !== generation) return;
      show("error");
      showError(err.message);
      return;
    }
    if (mine !== generation) return;
    show("article");
    document.title = (a.title || a.id) + " — chronicle";
    window.scrollTo(0, 0);

    const back = $("back");
    const backState = searchState(s);
    back.href = stateUrl(backState);
    back.onclick = (ev) => {
      if (ev.button !== 0 || ev.metaKey || ev.ctrlKey) return;
      ev.preventDefault();
      navigate(backState);
    };

    $("article-title").textContent = a.title || "(untitled)";
    const meta = $("article-meta");
    meta.replaceChildren();
    [a.date || "undated", a.dateline, a.source].filter(Boolean).forEach((p, i) => {
      if (i) meta.append(sep());
      const span = document.createElement("span");
      span.textContent = p;
      meta.append(span);
    });

    const ents = $("article-entities");
    ents.replaceChildren();
    for (const [kind] of KINDS) {
      for (const name of a.entities[kind] || []) {
        const b = document.createElement("button");
        b.type = "button";
        b.className = "chip";
        b.title = "All articles that mention " + name;
        const k = document.createElement("span");
        k.className = "kind";
        k.textContent = kind;
        const t = document.createElement("span");
        t.textContent = name;
        b.append(k, t);
        b.addEventListener("click", () =>
          navigate({ q: "", from: "", to: "", sort: "relevance", page: 1, article: "", entity: [kind + ":" + name] }));
        ents.append(b);
      }
    }

    const body = $("article-body");
    body.replaceChildren();
    for (const para of (a.body || "").split(/\n\s*\n/)) {
      if (!para.trim()) continue;
      const p = document.createElement("p");
      p.textContent = para.trim();
      body.append(p);
    }

    const details = $("article-details");
    details.replaceChildren();
    const row = (label, value) => {
      if (!value) return;
      const dt = document.createElement("dt");
      dt.textContent = label;
      const dd = document.createElement("dd");
      if (value instanceof Node) dd.append(value); else dd.textContent = value;
      details.append(dt, dd);
    };
    row("id", a.id);
    row("file", a.path);
    row("published", a.datetime);
    if (a.url) {
      // Only web links become links: a javascript: or data: URL from an article stays text.
      if (/^https?:\/\//i.test(a.url)) {
        const link = document.createElement("a");
        link.href = a.url;
        link.rel = "noopener noreferrer";
        link.textContent = a.url;
        row("original", link);
      } else {
        row("original", a.url);
      }
    }
    const tags = a.tags || {};
    row("editors' places", (tags.places || []).join(", "));
    row("editors' people", (tags.people || []).join(", "));
    row("editors' orgs", (tags.orgs || []).join(", "));
    row("editors' topics", (tags.topics || []).join(", "));
  }

  // ---- wiring --------------------------------------------------------------------------------

  async function loadInfo() {
    try {
      const info = await api("/api/info");
      $("info").textContent = info.articles.toLocaleString("en") + " articles";
    } catch (_) {
      // The header line is decoration; the search still works without it.
    }
  }

  document.addEventListener("DOMContentLoaded", () => {
    $("search").addEventListener("submit", (ev) => {
      ev.preventDefault();
      navigate(formState());
    });
    $("sort").addEventListener("change", () => navigate(formState()));
    $("home").addEventListener("click", (ev) => {
      ev.preventDefault();
      navigate({ q: "", from: "", to: "", entity: [], sort: "relevance", page: 1, article: "" });
    });
    for (const a of document.querySelectorAll("#intro a")) {
      a.addEventListener("click", (ev) => {
        ev.preventDefault();
        history.pushState(null, "", a.getAttribute("href"));
        render(readState());
      });
    }
    document.addEventListener("keydown", (ev) => {
      if (ev.key === "/" && document.activeElement.tagName !== "INPUT") {
        ev.preventDefault();
        $("q").focus();
      }
    });
    window.addEventListener("popstate", () => render(readState()));
    let resizing = 0;
    window.addEventListener("resize", () => {
      clearTimeout(resizing);
      resizing = setTimeout(() => {
        if (drawn && !$("results-view").hidden) renderTimeline(drawn.s, drawn.t);
      }, 150);
    });
    loadInfo();
    render(readState());
  });
})();
