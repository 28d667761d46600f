// The network: entities as nodes, the stories two of them share as edges, coloured by the
// PLOVER class most of those stories have. The server sends a readable part of the graph (the
// entities linked to the most others, or one entity's neighbours); the force layout is
// computed to the end before anything is drawn, so nodes do not move under the pointer.
// Zooming moves the nodes apart and leaves labels at their size; a label that would overlap
// a larger node's label is hidden until hovered or focused.
import { haveD3, status, clearStatus, getJSON, entityHref } from "./common.js";

const el = document.getElementById("network");
const searchForm = document.getElementById("net-search");
const searchBox = document.getElementById("net-search-input");
const note = document.getElementById("net-search-note");
const unfocusBtn = document.getElementById("net-unfocus");

function layout(d3, nodes, links, width, height, radius) {
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(110).strength(0.3))
    .force("charge", d3.forceManyBody().strength(-420))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide().radius((d) => radius(d) + 24))
    // a weak pull to the centre keeps separate components in view
    .force("x", d3.forceX(width / 2).strength(0.05)).force("y", d3.forceY(height / 2).strength(0.08))
    .stop();
  sim.tick(Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay())));
  // fit the positions (not the drawing: labels keep their size) into the box
  const pad = 40, labelRoom = 120;
  const [x0, x1] = d3.extent(nodes, (d) => d.x), [y0, y1] = d3.extent(nodes, (d) => d.y);
  const k = Math.min((width - 2 * pad - labelRoom) / Math.max(1, x1 - x0),
    (height - 2 * pad) / Math.max(1, y1 - y0), 2.5);
  for (const d of nodes) {
    d.x0 = pad + (d.x - x0) * k;
    d.y0 = pad + (d.y - y0) * k;
  }
}

// a label goes right of its node, else left of it, else it is hidden (until hovered) when it
// would overlap one already placed; the nodes with the most links are placed first
function declutter(labels, radius) {
  const shown = [];
  const overlaps = (b) => shown.some((o) => b.left < o.right && o.left < b.right && b.top < o.bottom && o.top < b.bottom);
  const order = labels.nodes().slice().sort((a, b) =>
    (b.__data__.focus || 0) - (a.__data__.focus || 0) || b.__data__.degree - a.__data__.degree);
  for (const t of order) {
    const d = t.__data__;
    t.classList.remove("hidden-label");
    t.setAttribute("text-anchor", "start");
    t.setAttribute("x", radius(d) + 3);
    let b = t.getBoundingClientRect();
    if (overlaps(b)) {
      t.setAttribute("text-anchor", "end");
      t.setAttribute("x", -radius(d) - 3);
      b = t.getBoundingClientRect();
    }
    if (overlaps(b) && !d.focus) t.classList.add("hidden-label");
    else shown.push(b);
  }
}

async function main() {
  if (!haveD3(el)) return;
  const d3 = window.d3;
  let data;
  try {
    data = await getJSON(el.dataset.api);
  } catch (e) {
    status(el, "Could not load the network: " + e.message);
    return;
  }
  clearStatus(el);
  if (!data.nodes.length) {
    status(el, "No entities share a story under these filters.");
    return;
  }
  const width = el.clientWidth || 900, height = el.clientHeight || 640;
  const nodes = data.nodes.map((d) => ({ ...d, id: d.key }));
  const links = data.edges.map((e) => ({ ...e }));
  const radius = (d) => 5 + Math.sqrt(d.n_stories || 1) * 1.8;
  layout(d3, nodes, links, width, height, radius);

  const svg = d3.select(el).append("svg").attr("width", width).attr("height", height)
    .attr("role", "img").attr("aria-label", "network");
  const edge = svg.append("g").selectAll("line").data(links).join("line")
    .attr("class", (e) => `edge c-${e.class}`)
    .attr("stroke-width", (e) => 1 + Math.sqrt(e.stories));
  edge.append("title").text((e) => `${e.source.label} – ${e.target.label}: ${e.stories} stories (` +
    Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(", ") + ")");
  const node = svg.append("g").selectAll("g").data(nodes).join("g")
    .attr("class", (d) => `node t-${d.type}`).attr("data-key", (d) => d.key)
    .attr("tabindex", 0).attr("role", "link").attr("aria-label", (d) => d.label)
    .on("click", (ev, d) => { window.location.href = entityHref(d.key); })
    .on("keydown", (ev, d) => { if (ev.key === "Enter") window.location.href = entityHref(d.key); });
  node.append("circle").attr("r", radius);
  const labels = node.append("text").attr("class", "label").attr("x", (d) => radius(d) + 3).attr("y", 4)
    .text((d) => d.label);
  node.append("title").text((d) => `${d.label} (${d.type}): ${d.n_stories} stories, ` +
    `linked to ${d.degree} entities`);

  let t = d3.zoomIdentity;
  const draw = () => {
    node.attr("transform", (d) => `translate(${t.applyX(d.x0)},${t.applyY(d.y0)})`);
    edge.attr("x1", (e) => t.applyX(e.source.x0)).attr("y1", (e) => t.applyY(e.source.y0))
      .attr("x2", (e) => t.applyX(e.target.x0)).attr("y2", (e) => t.applyY(e.target.y0));
  };
  let pending = 0;
  const zoom = d3.zoom().scaleExtent([0.5, 8]).on("zoom", (ev) => {
    t = ev.transform;
    draw();
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => declutter(labels, radius));
  });
  svg.call(zoom);
  draw();
  declutter(labels, radius);
  setupSearch(d3, { svg, zoom, node, edge, labels, nodes, links, width, height });
  el.dataset.ready = "1";
}

function setupSearch(d3, g) {
  if (!searchForm) return;
  const list = document.getElementById("net-nodes");
  for (const d of [...g.nodes].sort((a, b) => a.label.localeCompare(b.label))) {
    const o = document.createElement("option");
    o.value = d.label;
    list.appendChild(o);
  }
  const neighbours = new Map(g.nodes.map((d) => [d.key, new Set()]));
  for (const e of g.links) {
    neighbours.get(e.source.key).add(e.target.key);
    neighbours.get(e.target.key).add(e.source.key);
  }
  const focus = (d) => {
    const near = d ? neighbours.get(d.key) : null;
    for (const n of g.nodes) n.focus = d && (n === d ? 2 : near.has(n.key) ? 1 : 0);
    g.node.classed("focused", (n) => d && n === d).classed("dim", (n) => d && !n.focus);
    g.edge.classed("dim", (e) => d && e.source !== d && e.target !== d);
    unfocusBtn.hidden = !d;
    if (d) {
      const k = 1.6;
      g.svg.transition().duration(400).call(g.zoom.transform,
        d3.zoomIdentity.translate(g.width / 2 - k * d.x0, g.height / 2 - k * d.y0).scale(k));
      note.textContent = `${d.label}: linked to ${near.size} of the entities shown`;
    } else {
      note.textContent = "";
      g.svg.transition().duration(400).call(g.zoom.transform, d3.zoomIdentity);
    }
  };
  searchForm.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const q = searchBox.value.trim().toLowerCase();
    if (!q) { focus(null); return; }
    const hit = g.nodes.find((n) => n.label.toLowerCase() === q) ||
      g.nodes.find((n) => n.label.toLowerCase().includes(q) || n.key.toLowerCase() === q);
    if (hit) { focus(hit); return; }
    // not among the nodes shown: the network around it (the server reads names and keys)
    const params = new URLSearchParams(window.location.search);
    params.set("entity", searchBox.value.trim());
    window.location.search = params.toString();
  });
  unfocusBtn.addEventListener("click", () => { searchBox.value = ""; focus(null); });
}

main();
