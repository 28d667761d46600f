// The map: Natural Earth countries (world-atlas TopoJSON, served from this package: no tile
// server), shaded by the stories placed no finer than a country, and a marker per place with
// coordinates. Only the countries are drawn in map coordinates (zoomed by a transform);
// markers and labels are drawn in screen coordinates, placed again at every zoom, so they keep
// their size. Markers that would overlap are fanned out around their spot with a line to it
// (spiderfying), so every place stays clickable at every zoom. Clicking a marker or a shaded
// country lists its stories under the page's filters.
import { haveD3, status, clearStatus, getJSON, entityHref, add } from "./common.js";

const el = document.getElementById("map");
const panel = document.getElementById("place-panel");
const OFF = 9; // px: a base or port drawn beside the city it is near, up and right
const SHADES = 5;
const CHAR_W = 6.2; // px per character of an 11 px label, for collision tests

async function main() {
  if (!haveD3(el)) return;
  const d3 = window.d3;
  let atlas, data;
  try {
    [atlas, data] = await Promise.all([getJSON(el.dataset.atlas), getJSON(el.dataset.api)]);
  } catch (e) {
    status(el, "Could not load the map: " + e.message);
    return;
  }
  clearStatus(el);
  const places = data.items;
  const width = el.clientWidth || 800, height = el.clientHeight || 560;
  const projection = frame(d3.geoMercator(), places, width, height);
  const svg = d3.select(el).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "map");
  const world = svg.append("g").attr("class", "world");
  drawCountries(world, d3.geoPath(projection), atlas, data.countries || []);
  const screen = svg.append("g").attr("class", "screen");
  const layout = drawPlaces(screen, places, projection);
  let pending = null;
  svg.call(d3.zoom().scaleExtent([0.5, 60]).on("zoom", (ev) => {
    world.attr("transform", ev.transform);
    if (!pending) {
      pending = window.requestAnimationFrame(() => { pending = null; layout(ev.transform); });
    }
  }));
  layout(d3.zoomIdentity);
  el.dataset.ready = "1";
}

function frame(projection, places, width, height) {
  if (!places.length) return projection.fitSize([width, height], { type: "Sphere" });
  // frame the markers, not the world: the corpus is regional
  const pts = { type: "MultiPoint", coordinates: places.map((p) => [p.lon, p.lat]) };
  projection.fitExtent([[60, 40], [width - 60, height - 40]], pts);
  if (places.length === 1 || projection.scale() > 4000) projection.scale(Math.min(projection.scale(), 4000));
  if (places.length === 1) projection.center([places[0].lon, places[0].lat]).translate([width / 2, height / 2]);
  return projection;
}

// ------------------------------------------------------------------------------ countries
function drawCountries(world, path, atlas, countries) {
  const d3 = window.d3;
  const byIso = new Map(countries.map((c) => [c.iso_numeric, c]));
  const max = d3.max(countries, (c) => c.n_stories) || 0;
  const shade = (c) => Math.max(1, Math.ceil((SHADES * c.n_stories) / max));
  const features = window.topojson.feature(atlas, atlas.objects.countries).features;
  const paths = world.append("g").selectAll("path").data(features).join("path")
    .attr("d", path)
    .attr("class", (f) => {
      const c = byIso.get(f.id);
      return "country" + (c ? ` shaded shade-${shade(c)}` : "");
    })
    .attr("data-iso", (f) => f.id || null);
  paths.append("title").text((f) => {
    const c = byIso.get(f.id);
    const name = (c && c.name_en) || (f.properties && f.properties.name) || "";
    return c ? `${name}: ${c.n_stories} stories placed in the country, no finer` : name;
  });
  paths.filter((f) => byIso.has(f.id))
    .attr("tabindex", 0).attr("role", "button")
    .attr("data-key", (f) => byIso.get(f.id).key || byIso.get(f.id).keys[0])
    .on("click", (ev, f) => selectCountry(byIso.get(f.id), f))
    .on("keydown", (ev, f) => { if (ev.key === "Enter") selectCountry(byIso.get(f.id), f); });
  countryLegend(max);
}

function countryLegend(max) {
  const box = document.getElementById("shade-scale");
  if (!box) return;
  box.replaceChildren();
  if (!max) {
    add(box, "span", "none under these filters", { class: "muted" });
    return;
  }
  for (let i = 1; i <= SHADES; i++) {
    const lo = Math.floor((max * (i - 1)) / SHADES) + 1, hi = Math.floor((max * i) / SHADES);
    if (hi < lo) continue;
    const item = add(box, "span", null, { class: "shade-item" });
    add(item, "span", null, { class: `swatch shade-${i}` });
    add(item, "span", lo === hi ? `${lo}` : `${lo}–${hi}`);
  }
  add(box, "span", " stories", { class: "muted" });
}

// ------------------------------------------------------------------------------- places
// marker area by stories and articles, relative to the busiest place; smaller when there are
// many places (both set in drawPlaces)
let weightMax = 1, growth = 11;
function radius(p) {
  return 4 + growth * Math.sqrt((p.n_stories + p.n_articles) / weightMax);
}

function drawPlaces(screen, places, projection) {
  const d3 = window.d3;
  weightMax = Math.max(1, d3.max(places, (p) => p.n_stories + p.n_articles) || 1);
  growth = places.length > 40 ? 6 : 11;
  const spokes = screen.append("g").attr("class", "spokes");
  const hubs = screen.append("g").attr("class", "hubs");
  // large markers first, small ones on top of them
  const ordered = [...places].sort((a, b) => radius(b) - radius(a));
  const markers = screen.append("g").attr("class", "markers").selectAll("circle")
    .data(ordered, (p) => p.key).join("circle")
    .attr("class", (p) => "marker" + (p.approximate ? " approx" : ""))
    .attr("data-key", (p) => p.key).attr("data-name", (p) => p.name_en || p.name)
    .attr("r", radius).attr("tabindex", 0).attr("role", "button")
    .attr("aria-label", (p) => `${p.name_en || p.name}: ${p.n_stories} stories`)
    .on("click", (ev, p) => selectPlace(p))
    .on("keydown", (ev, p) => { if (ev.key === "Enter") selectPlace(p); });
  markers.append("title").text((p) => `${p.name_en || p.name} (${p.type}): ${p.n_stories} stories, ${p.n_articles} articles` +
    (p.approximate ? " — drawn beside the city it is near" : ""));
  // labels never take the pointer from a marker they overlap
  const labels = screen.append("g").attr("class", "labels").attr("pointer-events", "none")
    .selectAll("text").data(rankForLabels(places), (p) => p.key).join("text")
    .attr("class", "place-label").attr("data-key", (p) => p.key)
    .text((p) => p.name_en || p.name);

  return function layout(t) {
    for (const p of places) {
      const [x, y] = t.apply(projection([p.lon, p.lat]));
      p.x0 = x + (p.approximate ? OFF : 0);
      p.y0 = y - (p.approximate ? OFF : 0);
    }
    const groups = spiderfy(places);
    markers.attr("cx", (p) => p.x).attr("cy", (p) => p.y);
    const fanned = places.filter((p) => p.fanned);
    spokes.selectAll("line").data(fanned, (p) => p.key).join("line")
      .attr("x1", (p) => p.hx).attr("y1", (p) => p.hy).attr("x2", (p) => p.x).attr("y2", (p) => p.y);
    hubs.selectAll("circle").data(groups.filter((g) => g.length > 1)).join("circle")
      .attr("class", "hub").attr("r", 2.5).attr("cx", (g) => g[0].hx).attr("cy", (g) => g[0].hy);
    placeLabels(labels, places);
  };
}

// Places whose markers would overlap are one group; a group of several is fanned out on rings
// around its centre (p.hx, p.hy), each marker on a spoke from it. Greedy, largest first.
function spiderfy(places) {
  const todo = [...places].sort((a, b) => radius(b) - radius(a) || (a.key < b.key ? -1 : 1));
  const groups = [];
  const taken = new Set();
  for (const p of todo) {
    if (taken.has(p.key)) continue;
    const g = [p];
    taken.add(p.key);
    for (const q of todo) {
      if (taken.has(q.key)) continue;
      if (Math.hypot(p.x0 - q.x0, p.y0 - q.y0) < (radius(p) + radius(q)) * 0.8) {
        g.push(q);
        taken.add(q.key);
      }
    }
    groups.push(g);
  }
  for (const g of groups) fan(g);
  return groups;
}

function fan(g) {
  const hx = g.reduce((s, p) => s + p.x0, 0) / g.length, hy = g.reduce((s, p) => s + p.y0, 0) / g.length;
  if (g.length === 1) {
    Object.assign(g[0], { x: g[0].x0, y: g[0].y0, hx, hy, fanned: false });
    return;
  }
  const slot = 2 * Math.max(...g.map(radius)) + 4;
  let ring = 0, i = 0;
  while (i < g.length) {
    const R = slot * (0.9 + ring);
    const n = Math.min(g.length - i, Math.max(3, Math.floor((2 * Math.PI * R) / slot)));
    for (let j = 0; j < n; j++, i++) {
      const a = -Math.PI / 2 + (2 * Math.PI * j) / n + ring * 0.3;
      Object.assign(g[i], { x: hx + R * Math.cos(a), y: hy + R * Math.sin(a), hx, hy, fanned: true });
    }
    ring += 1;
  }
}

function rankForLabels(places) {
  return [...places].sort((a, b) => b.n_stories - a.n_stories || b.n_articles - a.n_articles ||
    (a.key < b.key ? -1 : 1));
}

// Labels at a constant 11 px beside their markers, right of it or else left of it; one that
// would overlap a label placed before it (more stories first) or another marker either way is
// hidden until zooming makes room.
function placeLabels(labels, places) {
  const boxes = places.map((p) => ({ x0: p.x - radius(p), x1: p.x + radius(p), y0: p.y - radius(p), y1: p.y + radius(p), key: p.key }));
  const placed = [];
  labels.each(function (p) {
    const w = (p.name_en || p.name).length * CHAR_W, r = radius(p);
    const sides = [p.x + r + 3, p.x - r - 3 - w].map((x0) => ({ x0, x1: x0 + w, y0: p.y - 7, y1: p.y + 6 }));
    const free = (b) => {
      const hit = (o) => o.x0 < b.x1 && b.x0 < o.x1 && o.y0 < b.y1 && b.y0 < o.y1;
      return !placed.some(hit) && !boxes.some((o) => o.key !== p.key && hit(o));
    };
    const b = sides.find(free);
    this.setAttribute("y", p.y + 4);
    if (!b) {
      this.setAttribute("display", "none");
      return;
    }
    this.setAttribute("x", b.x0);
    this.removeAttribute("display");
    placed.push(b);
  });
}

// ---------------------------------------------------------------------------------- panel
function selectPlace(p) {
  window.d3.selectAll("#map .marker").classed("selected", (q) => q.key === p.key);
  window.d3.selectAll("#map .country").classed("selected", false);
  showPanel(p.name_en || p.name, p.key, [p.key], p.approximate ? "drawn beside the city it is near" : p.type);
}

function selectCountry(c, f) {
  window.d3.selectAll("#map .marker").classed("selected", false);
  window.d3.selectAll("#map .country").classed("selected", (g) => g === f);
  const name = c.name_en || (f.properties && f.properties.name) || c.name;
  showPanel(name, c.key, c.key ? [c.key] : c.keys, "stories placed in the country, no finer");
}

// The panel: the stories at the place under the page's filters (the same as the marker's
// count), each with a "wrong place?" button.
async function showPanel(name, key, keys, what) {
  panel.replaceChildren();
  const h = add(panel, "h2");
  const title = key ? add(h, "a", name, { href: entityHref(key) }) : add(h, "span", name);
  title.id = "panel-title";
  add(panel, "p", what, { class: "muted" });
  const filters = el.dataset.filters || "";
  if (filters) add(panel, "p", "Filters: " + decodeURIComponent(filters.replace(/\+/g, " ")).replace(/&/g, ", "), { class: "muted panel-filters" });
  const loading = add(panel, "p", "Loading…", { class: "muted" });
  let stories;
  try {
    const answers = await Promise.all(keys.map((k) =>
      getJSON(`/api/places/${encodeURIComponent(k)}` + (filters ? "?" + filters : ""))));
    stories = mergeStories(answers);
  } catch (e) {
    loading.textContent = "Could not load: " + e.message;
    return;
  }
  loading.remove();
  const total = stories.total;
  add(panel, "h3", total > stories.length ? `Stories (the first ${stories.length} of ${total})`
    : `Stories (${stories.length})`);
  const ul = add(panel, "ul", null, { class: "place-stories" });
  for (const s of stories) storyItem(ul, s, keys);
  if (!stories.length) add(ul, "li", "No stories here under these filters.");
  if (key) {
    const more = add(panel, "p", null, { class: "muted" });
    add(more, "a", "All about this place", { href: entityHref(key) });
  }
}

function mergeStories(answers) {
  const seen = new Map();
  for (const a of answers) for (const s of a.items) seen.set(s.id, s);
  const at = (s) => s.start || s.reported || "9999";
  const out = [...seen.values()].sort((a, b) => (at(a) < at(b) ? -1 : at(a) > at(b) ? 1 : 0));
  out.total = answers.reduce((n, a) => n + a.total, 0);
  return out;
}

function storyItem(ul, s, keys) {
  const li = add(ul, "li");
  const when = s.start ? (s.start === s.end ? s.start : s.start + " – " + s.end)
    : (s.reported ? "reported " + s.reported : "undated");
  add(li, "span", when + " ", { class: "when" });
  add(li, "a", s.title, { href: "/stories/" + encodeURIComponent(s.id) });
  // the place this story is at: the marker's, or for a country the region it names
  const place = keys.length === 1 ? keys[0] : (keys.includes(s.location) ? s.location : keys[0]);
  const btn = add(li, "button", "wrong place?", { type: "button", class: "wrong-place",
    title: "This story does not happen here: record a correction" });
  btn.addEventListener("click", () => correct(btn, s, place));
}

async function send(method, body) {
  const r = await fetch("/api/corrections/places", {
    method, headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await r.json();
  if (!r.ok) throw new Error(answer.error ? answer.error.message : r.statusText);
  return answer;
}

async function correct(btn, s, place) {
  if (!window.confirm(`Record that “${s.title}” does not take place at this place? ` +
    "Its articles' link to the place is undone when the stories are fused again.")) return;
  btn.disabled = true;
  try {
    const answer = await send("POST", { story: s.id, place });
    const note = Object.assign(document.createElement("span"), {
      className: "recorded", textContent: "recorded: " + answer.message + " " });
    const undo = add(note, "button", "undo", { type: "button", class: "undo-correction" });
    undo.addEventListener("click", async () => {
      undo.disabled = true;
      try {
        await send("DELETE", { place: answer.place, doc_ids: answer.added });
        note.textContent = "undone: the place stays for this story";
      } catch (e) {
        undo.disabled = false;
        undo.textContent = "undo (failed: " + e.message + ")";
      }
    });
    btn.replaceWith(note);
  } catch (e) {
    btn.disabled = false;
    btn.textContent = "wrong place? (failed: " + e.message + ")";
  }
}

main();
