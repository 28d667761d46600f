// The map: Natural Earth countries (world-atlas TopoJSON, served from this package: no tile
// server) and a marker per place with coordinates; clicking a marker lists its stories.
import { haveD3, status, clearStatus, getJSON, entityHref, add } from "./common.js";

const el = document.getElementById("map");
const panel = document.getElementById("place-panel");

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
  const projection = d3.geoMercator();
  if (places.length) {
    // frame the markers, not the world: the corpus is regional
    const pts = { type: "MultiPoint", coordinates: places.map((p) => [p.lon, p.lat]) };
    projection.fitExtent([[40, 40], [width - 40, height - 40]], pts);
    if (places.length === 1 || projection.scale() > 4000) projection.scale(Math.min(projection.scale(), 4000));
    if (places.length === 1) projection.center([places[0].lon, places[0].lat]).translate([width / 2, height / 2]);
  } else {
    projection.fitSize([width, height], { type: "Sphere" });
  }
  const path = d3.geoPath(projection);
  const svg = d3.select(el).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "map");
  const g = svg.append("g");
  const countries = window.topojson.feature(atlas, atlas.objects.countries);
  g.append("g").selectAll("path").data(countries.features).join("path")
    .attr("class", "country").attr("d", path)
    .append("title").text((d) => (d.properties && d.properties.name) || "");

  const r = (p) => 4 + Math.sqrt(p.n_stories + p.n_articles) * 1.5;
  // a base or port without its own coordinates sits at its nearest city: drawn beside the
  // city (up and right), not on top of it, so both stay clickable
  const OFF = 9;
  const pos = (p, k = 1) => {
    const [x, y] = projection([p.lon, p.lat]);
    const d = p.approximate ? OFF / Math.sqrt(k) : 0;
    return [x + d, y - d];
  };
  const labelLayer = g.append("g").attr("class", "labels").attr("pointer-events", "none");
  // small markers drawn last, on top of the large ones they sit in
  const markers = g.append("g").selectAll("circle")
    .data([...places].sort((a, b) => r(b) - r(a))).join("circle")
    .attr("class", (p) => "marker" + (p.approximate ? " approx" : ""))
    .attr("data-key", (p) => p.key).attr("data-name", (p) => p.name_en || p.name)
    .attr("cx", (p) => pos(p)[0]).attr("cy", (p) => pos(p)[1])
    .attr("r", r).attr("tabindex", 0).attr("role", "button")
    .attr("aria-label", (p) => `${p.name_en || p.name}: ${p.n_stories} stories`)
    .on("click", (ev, p) => select(p))
    .on("keydown", (ev, p) => { if (ev.key === "Enter") select(p); });
  markers.append("title").text((p) => `${p.name_en || p.name} (${p.type}): ${p.n_stories} stories, ${p.n_articles} articles`);
  // labels never take the pointer from a marker they overlap
  const labels = labelLayer.selectAll("text").data(places.slice(0, 25)).join("text")
    .attr("x", (p) => pos(p)[0] + r(p) + 2)
    .attr("y", (p) => pos(p)[1] + 4)
    .text((p) => p.name_en || p.name);

  svg.call(d3.zoom().scaleExtent([0.5, 40]).on("zoom", (ev) => {
    g.attr("transform", ev.transform);
    const k = ev.transform.k;
    markers.attr("r", (p) => r(p) / Math.sqrt(k))
      .attr("cx", (p) => pos(p, k)[0]).attr("cy", (p) => pos(p, k)[1]);
    labels.attr("font-size", 11 / k)
      .attr("x", (p) => pos(p, k)[0] + (r(p) + 2) / Math.sqrt(k))
      .attr("y", (p) => pos(p, k)[1] + 4 / k);
  }));

  async function select(p) {
    markers.classed("selected", (q) => q.key === p.key);
    panel.replaceChildren();
    const h = add(panel, "h2");
    const a = add(h, "a", p.name_en || p.name, { href: entityHref(p.key) });
    a.id = "panel-title";
    add(panel, "p", "Loading…", { class: "muted" });
    let prof;
    try {
      prof = await getJSON("/api/entities/" + encodeURIComponent(p.key));
    } catch (e) {
      panel.lastChild.textContent = "Could not load: " + e.message;
      return;
    }
    panel.lastChild.remove();
    if (prof.name && prof.name !== prof.name_en) {
      add(panel, "p", prof.name, { lang: "ar", dir: "rtl", class: "ar" });
    }
    add(panel, "h3", `Stories (${prof.stories.length})`);
    const ul = add(panel, "ul", null, { class: "place-stories" });
    for (const s of prof.stories) {
      const li = add(ul, "li");
      add(li, "span", (s.start ? (s.start === s.end ? s.start : s.start + " – " + s.end) : "undated") + " ", { class: "when" });
      add(li, "a", s.title, { href: "/stories/" + encodeURIComponent(s.id) });
    }
    if (!prof.stories.length) add(ul, "li", "No stories take place here.");
    add(panel, "h3", `Mentioned in ${prof.n_articles} article(s)`);
    const ua = add(panel, "ul");
    for (const art of prof.articles.slice(0, 15)) {
      const li = add(ua, "li");
      add(li, "a", art.title || art.doc_id, { href: "/articles/" + encodeURIComponent(art.doc_id), dir: "auto" });
    }
  }
  el.dataset.ready = "1";
}

main();
