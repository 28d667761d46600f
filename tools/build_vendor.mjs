// Copy the workbench's JavaScript libraries and base-map data from node_modules (installed by
// `npm ci` from package-lock.json) into marsad/web/static/vendor, which git ignores: no
// third-party code is committed, and nothing is fetched from a CDN at run time.
import { copyFileSync, mkdirSync, existsSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const out = join(root, "marsad", "web", "static", "vendor");
const files = [
  // [package, file in the package, name in vendor/]
  ["d3", "dist/d3.min.js", "d3.min.js"],
  ["d3", "LICENSE", "d3.LICENSE"],
  ["topojson-client", "dist/topojson-client.min.js", "topojson-client.min.js"],
  ["topojson-client", "LICENSE", "topojson-client.LICENSE"],
  // Natural Earth countries (public domain) as TopoJSON: 50m for the map, 110m for the small
  // maps of entity pages
  ["world-atlas", "countries-50m.json", "countries-50m.json"],
  ["world-atlas", "countries-110m.json", "countries-110m.json"],
  ["world-atlas", "LICENSE", "world-atlas.LICENSE"],
];

mkdirSync(out, { recursive: true });
const versions = {};
for (const [pkg, file, name] of files) {
  const src = join(root, "node_modules", pkg, file);
  if (!existsSync(src)) {
    console.error(`missing ${src}: run \`npm ci\` first`);
    process.exit(1);
  }
  copyFileSync(src, join(out, name));
  versions[pkg] = (await import(join(root, "node_modules", pkg, "package.json"),
    { with: { type: "json" } })).default.version;
}
// the server reads this to know the assets are there (and which versions)
writeFileSync(join(out, "manifest.json"), JSON.stringify({ versions, files: files.map((f) => f[2]) }, null, 2) + "\n");
console.log(`vendor assets -> ${out}: ${Object.entries(versions).map(([k, v]) => `${k}@${v}`).join(", ")}`);
