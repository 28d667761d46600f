// Shared helpers of the workbench pages. Every string from the corpus reaches the page through
// textContent (d3's .text()), never innerHTML: article text and names are untrusted.

export function haveD3(el) {
  if (window.d3 && window.topojson) return true;
  status(el, "The chart needs the JavaScript libraries: run `npm ci && npm run build` " +
    "in the Marsad folder and reload. The table below has the same data.");
  return false;
}

export function status(el, text) {
  let p = el.querySelector(".status");
  if (!p) {
    p = document.createElement("p");
    p.className = "status";
    el.prepend(p);
  }
  p.textContent = text;
  return p;
}

export function clearStatus(el) {
  const p = el.querySelector(".status");
  if (p) p.remove();
}

export async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: "application/json" } });
  const body = await r.json();
  if (!r.ok) {
    const e = body && body.error ? body.error : { message: r.statusText };
    throw new Error(e.message);
  }
  return body;
}

export function entityHref(key) {
  return key.startsWith("kb:")
    ? "/entities/" + encodeURIComponent(key.slice(3))
    : "/entities/" + encodeURIComponent(key);
}

// an element with text, appended to parent
export function add(parent, tag, text, attrs = {}) {
  const el = document.createElement(tag);
  if (text !== undefined && text !== null) el.textContent = String(text);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
  parent.appendChild(el);
  return el;
}
