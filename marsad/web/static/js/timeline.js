// The timeline: dated stories as bars on a time axis, zoomable from years to days (d3.zoom
// rescales the axis; d3's time ticks go from years to months to days by themselves).
import { haveD3, status, clearStatus, getJSON } from "./common.js";

const el = document.getElementById("timeline");
const DAY = 864e5;

async function main() {
  if (!haveD3(el)) return;
  let data;
  try {
    data = await getJSON(el.dataset.api);
  } catch (e) {
    status(el, "Could not load the timeline: " + e.message);
    return;
  }
  clearStatus(el);
  const d3 = window.d3;
  const note = document.createElement("p");
  note.className = "muted tl-note";
  note.textContent = `${data.shown} dated stories shown` +
    (data.total > data.shown ? ` (the best sourced of ${data.total})` : "") +
    (data.undated ? `; ${data.undated} undated stories are only in the table` : "");
  el.before(note);
  if (!data.items.length) {
    status(el, "No dated stories match these filters.");
    return;
  }
  const items = data.items.map((d) => ({
    ...d, t0: Date.parse(d.start + "T00:00:00Z"), t1: Date.parse(d.end + "T00:00:00Z") + DAY,
  }));
  const width = el.clientWidth || 900;
  const margin = { top: 8, right: 16, bottom: 28, left: 16 };
  const lo = d3.min(items, (d) => d.t0), hi = d3.max(items, (d) => d.t1);
  const pad = Math.max((hi - lo) * 0.03, 15 * DAY);
  const x = d3.scaleUtc().domain([lo - pad, hi + pad]).range([margin.left, width - margin.right]);

  // lanes: an item goes to the first lane whose last item ends before it starts (in pixels at
  // the initial zoom, with room for the smallest bar); zooming in only spreads them apart
  const MIN_W = 6, LANE = 14;
  const laneEnds = [];
  for (const d of items) {
    const a = x(d.t0), b = Math.max(x(d.t1), a + MIN_W);
    let lane = laneEnds.findIndex((end) => end + 2 <= a);
    if (lane < 0) { lane = laneEnds.length; laneEnds.push(b); } else laneEnds[lane] = b;
    d.lane = lane;
  }
  const height = Math.max(200, margin.top + laneEnds.length * LANE + margin.bottom + 10);
  el.style.height = Math.min(height, 640) + "px";
  el.style.overflowY = height > 640 ? "auto" : "hidden";

  const svg = d3.select(el).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "timeline");
  svg.append("clipPath").attr("id", "tl-clip").append("rect")
    .attr("x", margin.left).attr("y", 0).attr("width", width - margin.left - margin.right)
    .attr("height", height);
  const axis = svg.append("g").attr("class", "axis")
    .attr("transform", `translate(0,${height - margin.bottom})`);
  const g = svg.append("g").attr("clip-path", "url(#tl-clip)");
  const bars = g.selectAll("rect").data(items).join("rect")
    .attr("class", (d) => `item c-${d.class}`)
    .attr("data-id", (d) => d.id).attr("data-start", (d) => d.start).attr("data-end", (d) => d.end)
    .attr("data-type", (d) => d.type)
    .attr("y", (d) => margin.top + d.lane * LANE).attr("height", LANE - 3).attr("rx", 2)
    .on("click", (ev, d) => { window.location.href = "/stories/" + encodeURIComponent(d.id); });
  bars.append("title").text((d) => `${d.start === d.end ? d.start : d.start + " – " + d.end}\n` +
    `${d.title}\n${d.certainty}, ${d.n_independent} independent source(s)`);

  function draw(xs) {
    axis.call(d3.axisBottom(xs).ticks(Math.max(2, Math.floor(width / 110))));
    bars.attr("x", (d) => xs(d.t0)).attr("width", (d) => Math.max(MIN_W, xs(d.t1) - xs(d.t0)));
  }
  // zoom out to the whole range, in to a day about 60 px wide
  const maxK = Math.max(1, ((hi - lo + 2 * pad) / DAY) * 60 / width);
  const zoom = d3.zoom().scaleExtent([1, maxK])
    .translateExtent([[0, 0], [width, height]]).extent([[0, 0], [width, height]])
    .on("zoom", (ev) => draw(ev.transform.rescaleX(x)));
  svg.call(zoom);
  draw(x);
  const reset = document.getElementById("tl-reset");
  if (reset) reset.addEventListener("click", () => svg.transition().call(zoom.transform, d3.zoomIdentity));
  el.dataset.ready = "1";
}

main();
