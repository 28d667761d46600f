// The network: entities as nodes, the stories two of them share as edges, coloured by the
// PLOVER class most of those stories have. The force layout is computed to the end before
// anything is drawn, so nodes do not move under the pointer.
import { haveD3, status, clearStatus, getJSON, entityHref } from "./common.js";

const el = document.getElementById("network");

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
  const radius = (d) => 5 + Math.sqrt(d.n_stories || 1) * 2;
  const sim = d3.forceSimulation(nodes)
    .force("link", d3.forceLink(links).id((d) => d.id).distance(90).strength(0.4))
    .force("charge", d3.forceManyBody().strength(-260))
    .force("center", d3.forceCenter(width / 2, height / 2))
    .force("collide", d3.forceCollide().radius((d) => radius(d) + 14))
    // a weak pull to the centre keeps separate components in view
    .force("x", d3.forceX(width / 2).strength(0.06)).force("y", d3.forceY(height / 2).strength(0.06))
    .stop();
  sim.tick(Math.ceil(Math.log(sim.alphaMin()) / Math.log(1 - sim.alphaDecay())));

  // fit the drawing to the box
  const xs = nodes.map((d) => d.x), ys = nodes.map((d) => d.y);
  const pad = 60;
  const vb = [Math.min(...xs) - pad, Math.min(...ys) - pad,
    Math.max(...xs) - Math.min(...xs) + 2 * pad + 80, Math.max(...ys) - Math.min(...ys) + 2 * pad];
  const svg = d3.select(el).append("svg").attr("width", width).attr("height", height)
    .attr("viewBox", vb.join(" ")).attr("role", "img").attr("aria-label", "network");
  const g = svg.append("g");
  const edge = g.append("g").selectAll("line").data(links).join("line")
    .attr("class", (e) => `edge c-${e.class}`)
    .attr("stroke-width", (e) => 1 + Math.sqrt(e.stories))
    .attr("x1", (e) => e.source.x).attr("y1", (e) => e.source.y)
    .attr("x2", (e) => e.target.x).attr("y2", (e) => e.target.y);
  edge.append("title").text((e) => `${e.source.label} – ${e.target.label}: ${e.stories} stories (` +
    Object.entries(e.types).map(([t, n]) => `${t} ${n}`).join(", ") + ")");
  const node = g.append("g").selectAll("g").data(nodes).join("g")
    .attr("class", (d) => `node t-${d.type}`).attr("data-key", (d) => d.key)
    .attr("transform", (d) => `translate(${d.x},${d.y})`)
    .attr("tabindex", 0).attr("role", "link").attr("aria-label", (d) => d.label)
    .on("click", (ev, d) => { window.location.href = entityHref(d.key); })
    .on("keydown", (ev, d) => { if (ev.key === "Enter") window.location.href = entityHref(d.key); });
  node.append("circle").attr("r", radius);
  node.append("text").attr("x", (d) => radius(d) + 3).attr("y", 4).text((d) => d.label);
  node.append("title").text((d) => `${d.label} (${d.type}): ${d.n_stories} stories`);
  svg.call(d3.zoom().scaleExtent([0.3, 8]).on("zoom", (ev) => g.attr("transform", ev.transform)));
  el.dataset.ready = "1";
}

main();
