// The article page: an event in the sidebar and its evidence sentence in the text are linked
// both ways. Clicking an event (or "show in text") scrolls to its sentence and highlights it;
// clicking a highlighted sentence highlights its events. The spans are marked on the server
// (<mark class="evidence" data-events="v1 v2">, one mark per piece of the sentence). The
// address keeps the event chosen (#ev-<id>), so a link can point at one event's sentence.
const text = document.getElementById("article-text");
const list = document.getElementById("events");

function marksOf(id) {
  return [...text.querySelectorAll("mark.evidence")]
    .filter((m) => (m.dataset.events || m.dataset.event || "").split(" ").includes(id));
}

function activate(ids, { scrollText = false, scrollList = false, smooth = true } = {}) {
  for (const el of document.querySelectorAll(".active")) el.classList.remove("active");
  let first = null, firstItem = null;
  for (const id of ids) {
    for (const m of marksOf(id)) {
      m.classList.add("active");
      first = first || m;
    }
    const li = document.getElementById("event-" + id);
    if (li) { li.classList.add("active"); firstItem = firstItem || li; }
  }
  const behavior = smooth ? "smooth" : "auto";
  if (scrollText && first) first.scrollIntoView({ block: "center", behavior });
  // the list is a sticky column of its own: bring the event into it, then into the page
  if ((scrollList || scrollText) && firstItem) firstItem.scrollIntoView({ block: "nearest", behavior });
  return first;
}

function main() {
  if (!text || !list) return;
  list.addEventListener("click", (ev) => {
    if (ev.target.closest("a:not(.to-evidence)")) return;  // entity and story links navigate
    const li = ev.target.closest("li.event");
    if (!li) return;
    ev.preventDefault();
    activate([li.dataset.event], { scrollText: true });
    history.replaceState(null, "", "#ev-" + li.dataset.event);
  });
  list.addEventListener("keydown", (ev) => {
    const li = ev.target.closest("li.event");
    if (li && ev.key === "Enter") activate([li.dataset.event], { scrollText: true });
  });
  text.addEventListener("click", (ev) => {
    const m = ev.target.closest("mark.evidence");
    if (!m || ev.target.closest("a")) return;
    activate((m.dataset.events || m.dataset.event).split(" "), { scrollList: true });
  });
  const hash = window.location.hash.match(/^#ev-(.+)$/);
  if (hash) activate([decodeURIComponent(hash[1])], { scrollText: true, smooth: false });
  text.dataset.ready = "1";
}

main();
