// An entity's page: a small map of the places of its stories (its own point, when it has
// coordinates, in red) and a strip of its dated stories over time, each story a mark
// coloured by its PLOVER class that opens the story. Strings reach the page as text only.
import { getJSON, entityHref, status } from "./common.js";

const mapEl = document.getElementById("minimap");
const stripEl = document.getElementById("strip");
const DAY = 864e5;

async function drawMap(d3) {
  let atlas, places;
  try {
    [atlas, places] = await Promise.all([getJSON(mapEl.dataset.atlas), getJSON(mapEl.dataset.api)]);
  } catch (e) {
    status(mapEl, "Could not load the map: " + e.message);
    return;
  }
  const key = mapEl.dataset.key;
  const pts = places.items.map((p) => ({ ...p, here: p.key === key }));
  if (mapEl.dataset.lat && !pts.some((p) => p.here)) {
    pts.push({ key, label: "", lat: Number(mapEl.dataset.lat), lon: Number(mapEl.dataset.lon), here: true, n_stories: 0 });
  }
  const width = mapEl.clientWidth || 340, height = mapEl.clientHeight || 220;
  const projection = d3.geoMercator();
  if (pts.length > 1) {
    projection.fitExtent([[24, 24], [width - 24, height - 24]],
      { type: "MultiPoint", coordinates: pts.map((p) => [p.lon, p.lat]) });
    projection.scale(Math.min(projection.scale(), 2500));
  } else if (pts.length === 1) {
    projection.center([pts[0].lon, pts[0].lat]).scale(700).translate([width / 2, height / 2]);
  } else {
    status(mapEl, "None of its stories has a place with coordinates.");
    return;
  }
  const svg = d3.select(mapEl).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "map of its stories' places");
  svg.append("g").selectAll("path")
    .data(window.topojson.feature(atlas, atlas.objects.countries).features).join("path")
    .attr("class", "country").attr("d", d3.geoPath(projection));
  const r = (p) => 3 + Math.sqrt(p.n_stories || 1) * 1.6;
  const a = svg.append("g").selectAll("a").data(pts.sort((x, y) => r(y) - r(x))).join("a")
    .attr("href", (p) => entityHref(p.key));
  a.append("circle").attr("class", (p) => "marker" + (p.here ? " here" : ""))
    .attr("data-key", (p) => p.key).attr("r", r)
    .attr("cx", (p) => projection([p.lon, p.lat])[0]).attr("cy", (p) => projection([p.lon, p.lat])[1]);
  a.append("title").text((p) => `${p.name_en || p.name || p.key}: ${p.n_stories} of its stories`);
  mapEl.dataset.ready = "1";
}

async function drawStrip(d3) {
  let data;
  try {
    data = await getJSON(stripEl.dataset.api);
  } catch (e) {
    status(stripEl, "Could not load its stories: " + e.message);
    return;
  }
  // a story without a date of its own may come placed at the day it was first reported
  // (`reported`): drawn there, hollow
  const items = data.items.filter((d) => d.start || d.reported).map((d) => {
    const a = d.start || d.reported, b = d.start ? (d.end || d.start) : d.reported;
    return { ...d, t0: Date.parse(a + "T00:00:00Z"), t1: Date.parse(b + "T00:00:00Z") + DAY };
  });
  const note = document.getElementById("strip-note");
  if (note) {
    const reported = items.filter((d) => !d.start).length;
    note.textContent = `${items.length - reported} dated stories` +
      (reported ? ` and ${reported} at the day they were reported (hollow)` : "") +
      ", each a mark coloured by its PLOVER class " +
      "(click to open)" + (data.undated ? `; undated: ${data.undated} (in the list below)` : "");
  }
  if (!items.length) { status(stripEl, "No dated stories."); return; }
  const width = stripEl.clientWidth || 600, height = stripEl.clientHeight || 120;
  const m = { left: 12, right: 12, top: 8, bottom: 22 };
  const lo = d3.min(items, (d) => d.t0), hi = d3.max(items, (d) => d.t1);
  const pad = Math.max((hi - lo) * 0.04, 20 * DAY);
  const x = d3.scaleUtc().domain([lo - pad, hi + pad]).range([m.left, width - m.right]);
  // stacked marks: a story goes to the first row free at its place (4 px apart at least)
  const rows = [];
  for (const d of items.sort((a, b) => a.t0 - b.t0)) {
    const a = x(d.t0), b = Math.max(x(d.t1), a + 5);
    let i = rows.findIndex((end) => end + 1 <= a);
    if (i < 0) { i = rows.length; rows.push(b); } else rows[i] = b;
    d.row = i;
  }
  const rowH = Math.max(4, Math.min(10, (height - m.top - m.bottom) / Math.max(1, rows.length)));
  const svg = d3.select(stripEl).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "its stories over time");
  // ticks with the year on every label: the strip spans years
  svg.append("g").attr("class", "axis").attr("transform", `translate(0,${height - m.bottom})`)
    .call(d3.axisBottom(x).ticks(Math.max(2, Math.floor(width / 90))).tickFormat(d3.utcFormat("%b %Y")));
  const a = svg.append("g").selectAll("a").data(items).join("a")
    .attr("href", (d) => "/stories/" + encodeURIComponent(d.id));
  a.append("rect").attr("class", (d) => `item c-${d.class}` + (d.start ? "" : " reported"))
    .attr("data-id", (d) => d.id)
    .attr("x", (d) => x(d.t0)).attr("width", (d) => Math.max(5, x(d.t1) - x(d.t0)))
    .attr("y", (d) => m.top + d.row * rowH).attr("height", rowH - 1).attr("rx", 1);
  a.append("title").text((d) => (!d.start ? `reported ${d.reported}` : d.start === d.end ? d.start
    : d.start + " – " + d.end) + `\n${d.title}`);
  stripEl.dataset.ready = "1";
}

function main() {
  if (!window.d3 || !window.topojson) return;  // the notice at the top of the page says why
  if (mapEl) drawMap(window.d3);
  if (stripEl) drawStrip(window.d3);
}

main();
