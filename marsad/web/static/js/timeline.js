// The timeline: stories as labelled bars on a time axis, zoomable from years to days (d3.zoom
// rescales the axis). A story without a date of its own sits at the day its articles first
// reported it, drawn hollow ("reported on"). Above it, a histogram of all the stories under
// the page's other filters, with a brush that sets the date range (since/until, kept in the
// URL so the view can be shared). Once the chart is zoomed in, the histogram also shows the
// window of dates the chart shows; dragging the window pans the chart and dragging its edges
// zooms it, so the two stay in step both ways.
import { haveD3, status, clearStatus, getJSON } from "./common.js";

const el = document.getElementById("timeline");
const DAY = 864e5;
const LANE = 16, MIN_W = 6, LABEL_MAX = 190, CHAR_W = 6.2, MAX_LABEL_LANES = 40;
const day = (t) => new Date(t).toISOString().slice(0, 10);
const parseDay = (s) => Date.parse(s + "T00:00:00Z");

async function main() {
  if (!haveD3(el)) return;
  let data;
  try {
    data = await getJSON(el.dataset.api);
  } catch (e) {
    status(el, "Could not load the timeline: " + e.message);
    return;
  }
  const hist = document.createElement("div");
  hist.id = "tl-hist";
  hist.className = "chart hist";
  hist.setAttribute("aria-label", "Stories per period; drag across it to choose the dates shown");
  el.before(hist);
  const context = drawHistogram(hist, data.histogram, data.filters);
  render(data, context);
}

function note(data) {
  let p = document.getElementById("tl-note");
  if (!p) {
    p = document.createElement("p");
    p.id = "tl-note";
    p.className = "muted tl-note";
    document.getElementById("tl-hist").before(p);
  }
  p.textContent = `${data.shown} stories shown` +
    (data.total > data.shown ? ` (the best sourced of ${data.total})` : "") +
    `: ${data.dated} dated, ${data.reported} placed at the day their articles first ` +
    "reported them (hollow bars)" +
    (data.undated ? `; ${data.undated} stories with no date and no publication date are only in the table` : "");
}

// ------------------------------------------------------------------------------ the chart
function render(data, context) {
  const d3 = window.d3;
  note(data);
  el.querySelectorAll("svg").forEach((s) => s.remove());
  clearStatus(el);
  if (!data.items.length) {
    status(el, "No stories match these filters.");
    el.dataset.ready = "1";
    return;
  }
  const items = data.items.map((d) => ({
    ...d, t0: parseDay(d.start), t1: parseDay(d.end) + DAY, reported: d.dating === "reported",
  }));
  const width = el.clientWidth || 900;
  const margin = { top: 8, right: 16, bottom: 46, left: 16 };
  const lo = d3.min(items, (d) => d.t0), hi = d3.max(items, (d) => d.t1);
  const pad = Math.max((hi - lo) * 0.03, 15 * DAY);
  const x = d3.scaleUtc().domain([lo - pad, hi + pad]).range([margin.left, width - margin.right]);
  const nLanes = packLanes(items, x);
  const height = Math.max(200, margin.top + nLanes * LANE + margin.bottom + 10);
  el.style.height = Math.min(height, 640) + "px";
  el.style.overflowY = height > 640 ? "auto" : "hidden";

  const svg = d3.select(el).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "timeline");
  svg.append("clipPath").attr("id", "tl-clip").append("rect")
    .attr("x", margin.left).attr("y", 0).attr("width", width - margin.left - margin.right)
    .attr("height", height);
  const axis = svg.append("g").attr("class", "axis")
    .attr("transform", `translate(0,${height - margin.bottom})`);
  const major = svg.append("g").attr("class", "axis-major")
    .attr("transform", `translate(0,${height - margin.bottom + 32})`);
  const [bars, labels] = drawBars(svg.append("g").attr("clip-path", "url(#tl-clip)"), items, margin.top);
  const byLane = d3.groups(items, (d) => d.lane).map(([, ds]) => ds.sort((a, b) => a.t0 - b.t0));

  function draw(xs) {
    axis.call(d3.axisBottom(xs).ticks(Math.max(2, Math.floor(width / 110))));
    drawMajor(major, xs, width, margin);
    bars.attr("x", (d) => xs(d.t0)).attr("width", (d) => Math.max(MIN_W, xs(d.t1) - xs(d.t0)));
    placeLabels(byLane, xs, width - margin.right);
    labels.attr("x", (d) => d.lx).text((d) => d.ltext).attr("display", (d) => d.ltext ? null : "none")
      .classed("inside", (d) => d.inside && !d.reported);
  }
  // zoom out to the whole range, in to a day about 60 px wide
  const maxK = Math.max(1, ((hi - lo + 2 * pad) / DAY) * 60 / width);
  let fromWindow = false; // a zoom the histogram's window asked for, while it is dragged
  const zoom = d3.zoom().scaleExtent([1, maxK])
    .translateExtent([[0, 0], [width, height]]).extent([[0, 0], [width, height]])
    .on("zoom", (ev) => {
      const xs = ev.transform.rescaleX(x);
      draw(xs);
      showView(xs, ev.transform.k);
    });
  function showView(xs, k) {
    const [a, b] = xs.domain();
    el.dataset.viewStart = day(a);
    el.dataset.viewEnd = day(b);
    // the whole chart needs no window (and leaves the histogram free for a new date range)
    if (context && !fromWindow) context.showWindow(k > 1.001 ? [+a, +b] : null);
  }
  svg.call(zoom);
  draw(x);
  showView(x, 1);
  if (context) {
    context.onWindow = ([a, b], done) => {
      fromWindow = !done;
      svg.call(zoom.transform, windowTransform(x, a, b, maxK));
      fromWindow = false;
    };
  }
  const reset = document.getElementById("tl-reset");
  if (reset) reset.onclick = () => svg.transition().call(zoom.transform, d3.zoomIdentity);
  el.dataset.ready = "1";
}

// The zoom that shows the dates [a, b] (ms) in the chart of base scale x: kept inside the
// chart's own range and its zoom limits, as the chart's wheel and drag keep it.
function windowTransform(x, a, b, maxK) {
  const d3 = window.d3;
  const [d0, d1] = x.domain().map(Number), [r0, r1] = x.range();
  const k = Math.min(maxK, Math.max(1, (d1 - d0) / Math.max(b - a, 1)));
  const span = (d1 - d0) / k;
  const start = Math.min(d1 - span, Math.max(d0, (a + b) / 2 - span / 2));
  return d3.zoomIdentity.translate(r0 - k * x(start), 0).scale(k);
}

// a bar per story (a link to its page) and, above the bars, a label per story
function drawBars(g, items, top) {
  const bars = g.selectAll("rect").data(items).join("rect")
    .attr("class", (d) => `item c-${d.class}` + (d.reported ? " reported" : ""))
    .attr("data-id", (d) => d.id).attr("data-start", (d) => d.start).attr("data-end", (d) => d.end)
    .attr("data-type", (d) => d.type).attr("data-dating", (d) => d.dating)
    .attr("y", (d) => top + d.lane * LANE).attr("height", LANE - 4).attr("rx", 2)
    .attr("tabindex", 0).attr("role", "link").attr("aria-label", (d) => d.title)
    .on("click", (ev, d) => openStory(d))
    .on("keydown", (ev, d) => { if (ev.key === "Enter") openStory(d); });
  bars.append("title").text(tooltip);
  const labels = g.append("g").attr("class", "bar-labels").attr("pointer-events", "none")
    .selectAll("text").data(items).join("text")
    .attr("class", (d) => "bar-label" + (d.reported ? " reported" : ""))
    .attr("y", (d) => top + d.lane * LANE + LANE - 7);
  return [bars, labels];
}

function openStory(d) {
  window.location.href = "/stories/" + encodeURIComponent(d.id);
}

function tooltip(d) {
  const when = d.reported
    ? `reported on ${d.start} (the first article's publication date; the story's own date is not known)`
    : (d.start === d.end ? d.start : d.start + " – " + d.end);
  return `${when}\n${d.title}\n${d.certainty}, ${d.n_independent} independent source(s)`;
}

// Lanes: an item goes to the first lane whose last item ends before it starts, in pixels at
// the first zoom, with room for its label when that keeps the chart short (zooming in only
// spreads the items apart, so labels that fit at first fit at every zoom).
function packLanes(items, x) {
  const withLabels = pack(items, x, (d) => Math.min(LABEL_MAX, d.title.length * CHAR_W) + 6);
  return withLabels <= MAX_LABEL_LANES ? withLabels : pack(items, x, () => 0);
}

function pack(items, x, extra) {
  const ends = [];
  for (const d of items) {
    const a = x(d.t0), b = Math.max(x(d.t1), a + MIN_W) + extra(d);
    let lane = ends.findIndex((end) => end + 2 <= a);
    if (lane < 0) { lane = ends.length; ends.push(b); } else ends[lane] = b;
    d.lane = lane;
  }
  return ends.length;
}

// A label right of its bar's start (inside a wide bar, else after it), cut to the room left
// before the next bar of its lane; hidden when under three characters fit.
function placeLabels(byLane, xs, right) {
  for (const lane of byLane) {
    lane.forEach((d, i) => {
      const a = xs(d.t0), w = Math.max(MIN_W, xs(d.t1) - a);
      const inside = w > 80;
      const lx = Math.max(a, 16) + (inside ? 4 : w + 3);
      const next = i + 1 < lane.length ? xs(lane[i + 1].t0) : right;
      const room = Math.min(next, inside ? a + w : right) - lx - 4;
      // a bar left of the visible range takes its label with it
      const n = a + w < 16 ? 0 : Math.floor(room / CHAR_W);
      d.lx = lx;
      d.inside = inside;
      d.ltext = n < 3 ? "" : (d.title.length <= n ? d.title : d.title.slice(0, n - 1) + "…");
    });
  }
}

// The second row of the axis: the year (or month and year) the ticks above fall in, at each
// boundary and pinned at the left edge, so the year shows at every zoom.
function drawMajor(major, xs, width, margin) {
  const d3 = window.d3;
  const ticks = xs.ticks(Math.max(2, Math.floor(width / 110)));
  const step = ticks.length > 1 ? ticks[1] - ticks[0] : 366 * DAY;
  let marks = [];
  if (step < 360 * DAY) {
    const [interval, fmt] = step >= 28 * DAY
      ? [d3.utcYear, d3.utcFormat("%Y")] : [d3.utcMonth, d3.utcFormat("%B %Y")];
    const [d0, d1] = xs.domain();
    const starts = interval.range(interval.ceil(d0), d1);
    marks = starts.map((t) => ({ x: xs(t), text: fmt(t), edge: false }));
    // the period the left edge is in, unless its own boundary label is close by
    if (!marks.length || marks[0].x > margin.left + 90) {
      marks.unshift({ x: margin.left, text: fmt(interval.floor(d0)), edge: true });
    }
  }
  major.selectAll("text").data(marks).join("text")
    .attr("x", (m) => m.x + 2).attr("y", 0).attr("class", (m) => m.edge ? "edge" : null)
    .text((m) => m.text);
  major.selectAll("line").data(marks.filter((m) => !m.edge)).join("line")
    .attr("x1", (m) => m.x).attr("x2", (m) => m.x).attr("y1", -30).attr("y2", 4);
}

// ---------------------------------------------------------------------- histogram and brush
// Returns the chart's handle on the histogram: showWindow([a, b] | null) draws (or hides)
// the window of the dates the chart shows; onWindow([a, b], done) is called as the user
// drags the window or its edges.
function drawHistogram(box, days, filters) {
  const d3 = window.d3;
  if (!days.length) return null;
  const width = box.clientWidth || 900, height = 90;
  const margin = { top: 6, right: 16, bottom: 20, left: 16 };
  const t = days.map(([d]) => parseDay(d));
  const lo = d3.min(t), hi = d3.max(t) + DAY;
  const span = hi - lo;
  const interval = span > 3 * 365 * DAY ? d3.utcMonth : span > 180 * DAY ? d3.utcWeek : d3.utcDay;
  const x = d3.scaleUtc().domain([interval.floor(lo), interval.offset(interval.floor(hi), 1)])
    .range([margin.left, width - margin.right]);
  const bins = new Map();
  days.forEach(([d, dated, reported]) => {
    const k = +interval.floor(parseDay(d));
    const b = bins.get(k) || { t: k, dated: 0, reported: 0 };
    b.dated += dated; b.reported += reported;
    bins.set(k, b);
  });
  const data = [...bins.values()];
  const y = d3.scaleLinear().domain([0, d3.max(data, (b) => b.dated + b.reported)])
    .range([height - margin.bottom, margin.top]);
  const svg = d3.select(box).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "stories per period");
  const bw = (b) => Math.max(1, x(interval.offset(new Date(b.t), 1)) - x(b.t) - 1);
  svg.append("g").selectAll("rect").data(data).join("rect").attr("class", "hist-dated")
    .attr("x", (b) => x(b.t)).attr("width", bw)
    .attr("y", (b) => y(b.dated)).attr("height", (b) => y(0) - y(b.dated));
  svg.append("g").selectAll("rect").data(data).join("rect").attr("class", "hist-reported")
    .attr("x", (b) => x(b.t)).attr("width", bw)
    .attr("y", (b) => y(b.dated + b.reported)).attr("height", (b) => y(b.dated) - y(b.dated + b.reported));
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - margin.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))));
  const brush = d3.brushX().extent([[margin.left, margin.top], [width - margin.right, height - margin.bottom]])
    .on("end", (ev) => {
      if (!ev.sourceEvent) return; // moved by the code, not the user
      const sel = ev.selection;
      setRange(sel ? day(d3.utcDay.floor(x.invert(sel[0]))) : null,
        sel ? day(d3.utcDay.offset(d3.utcDay.floor(x.invert(sel[1])), 0)) : null);
    });
  const gb = svg.append("g").attr("class", "brush").call(brush);
  if (filters.since || filters.until) {
    const a = filters.since ? x(parseDay(filters.since)) : margin.left;
    const b = filters.until ? x(parseDay(filters.until) + DAY) : width - margin.right;
    gb.call(brush.move, [Math.max(margin.left, a), Math.min(width - margin.right, b)]);
  }
  const context = zoomWindow(svg, x, [margin.left, width - margin.right],
    [margin.top, height - margin.bottom]);
  box.dataset.ready = "1";
  return context;
}

// The chart's zoom window on the histogram: a second brush above the date-range brush whose
// background takes no clicks, so only the window and its edges answer the mouse and a drag
// elsewhere still chooses a date range.
function zoomWindow(svg, x, [left, right], [top, bottom]) {
  const d3 = window.d3;
  const context = { onWindow: null, showWindow: null };
  const brush = d3.brushX().extent([[left, top], [right, bottom]])
    .on("brush end", (ev) => {
      if (!ev.sourceEvent || !ev.selection || !context.onWindow) return; // moved by the code
      const [s0, s1] = ev.selection;
      context.onWindow([+x.invert(s0), +x.invert(s1)], ev.type === "end");
      if (ev.type === "end") context.showWindow(context.last); // settle on what the chart shows
    });
  const g = svg.append("g").attr("class", "zoom-window").attr("display", "none").call(brush);
  g.select(".overlay").attr("pointer-events", "none").style("cursor", null);
  g.select(".selection").append("title").text("The dates the timeline shows: drag to pan, drag an edge to zoom");
  context.showWindow = (range) => {
    if (!range) {
      g.attr("display", "none");
      delete g.node().dataset.from;
      delete g.node().dataset.to;
      return;
    }
    context.last = range;
    let [a, b] = range.map((t) => Math.min(right, Math.max(left, x(t))));
    if (b - a < 4) { const c = (a + b) / 2; a = Math.max(left, c - 2); b = Math.min(right, c + 2); }
    g.attr("display", null).call(brush.move, [a, b]);
    g.node().dataset.from = day(range[0]);
    g.node().dataset.to = day(range[1]);
  };
  return context;
}

// The brushed range becomes the page's since/until: the page is opened again with them in
// its URL (shareable; the filter bar, the table and the export links follow), and the
// browser's Back returns to the range before.
function setRange(since, until) {
  const url = new URL(window.location.href);
  for (const [k, v] of [["since", since], ["until", until]]) {
    if (v) url.searchParams.set(k, v); else url.searchParams.delete(k);
  }
  window.location.assign(url.pathname + url.search);
}

main();
