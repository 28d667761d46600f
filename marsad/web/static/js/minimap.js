// The small map of an entity page: the countries around one point and a marker on it.
import { getJSON } from "./common.js";

const el = document.getElementById("minimap");

async function main() {
  if (!el || !window.d3 || !window.topojson) return;
  const d3 = window.d3;
  const lat = Number(el.dataset.lat), lon = Number(el.dataset.lon);
  let atlas;
  try { atlas = await getJSON(el.dataset.atlas); } catch (e) { return; }
  const width = el.clientWidth || 320, height = el.clientHeight || 180;
  const projection = d3.geoMercator().center([lon, lat]).scale(350).translate([width / 2, height / 2]);
  const path = d3.geoPath(projection);
  const svg = d3.select(el).append("svg").attr("width", width).attr("height", height);
  svg.append("g").selectAll("path")
    .data(window.topojson.feature(atlas, atlas.objects.countries).features).join("path")
    .attr("class", "country").attr("d", path);
  const [x, y] = projection([lon, lat]);
  svg.append("circle").attr("class", "marker").attr("cx", x).attr("cy", y).attr("r", 6);
  el.dataset.ready = "1";
}

main();
