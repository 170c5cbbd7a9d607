// eventwire web map/timeline: reads /api/events and /api/timeline, no external requests.
"use strict";
const COLORS = {
  "Battles": "#c0392b", "Explosions/Remote violence": "#e67e22", "Violence against civilians": "#8e44ad",
  "Protests": "#2980b9", "Riots": "#16a085", "Strategic developments": "#7f8c8d",
};
const TYPES = Object.keys(COLORS);
const state = { events: [], markers: new Map(), selected: null };

const map = L.map("map", { worldCopyJump: true }).setView([20, 20], 2);
fetch("/static/countries-110m.geojson").then(r => r.json()).then(geo =>
  L.geoJSON(geo, { style: { color: "#889", weight: 0.6, fillColor: "#f4f1ea", fillOpacity: 1 } }).addTo(map).bringToBack());
const layer = L.layerGroup().addTo(map);

const typeSelect = document.getElementById("type-filter");
TYPES.forEach(t => typeSelect.add(new Option(t, t)));

function query() {
  const form = new FormData(document.getElementById("filters"));
  const params = new URLSearchParams();
  for (const [k, v] of form.entries()) if (v) params.set(k, v === "on" ? "true" : v);
  return params;
}

function esc(text) {
  return String(text ?? "").replace(/[&<>"]/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c]));
}

async function load() {
  const status = document.getElementById("status");
  status.textContent = "loading…";
  const params = query();
  const res = await fetch("/api/events?limit=5000&" + params);
  const body = await res.json();
  if (!res.ok) { status.textContent = body.error.message; return; }
  state.events = body.events;
  status.textContent = `${body.total} events`;
  drawMap(); drawList(); drawTimeline(state.events);
}

function drawMap() {
  layer.clearLayers(); state.markers.clear();
  const points = [];
  for (const e of state.events) {
    const loc = e.location;
    if (!loc || loc.lat == null) continue;
    const deaths = (e.fatalities && e.fatalities.best) || 0;
    const m = L.circleMarker([loc.lat, loc.lon], {
      radius: 5 + Math.min(12, Math.sqrt(deaths) * 1.5), color: COLORS[e.event_type] || "#333",
      weight: 1, fillOpacity: e.is_background ? 0.25 : 0.7,
    }).bindTooltip(`${esc(e.sub_event_type)} — ${esc(loc.name)} ${esc(e.event_date)}`);
    m.on("click", () => select(e.event_id));
    m.addTo(layer); state.markers.set(e.event_id, m); points.push([loc.lat, loc.lon]);
  }
  if (points.length) map.fitBounds(points, { maxZoom: 7, padding: [30, 30] });
}

function drawList() {
  const list = document.getElementById("events");
  list.innerHTML = state.events.map(e => `
    <li data-id="${esc(e.event_id)}" class="${e.is_background ? "bg" : ""}">
      <span class="dot" style="background:${COLORS[e.event_type] || "#333"}"></span>
      <strong>${esc(e.sub_event_type)}</strong>
      <div class="meta">${esc(e.event_date)} · ${esc(e.location ? e.location.name : "unknown place")}
        · ${esc(e.actor1 ? e.actor1.name : "?")}${e.actor2 ? " vs " + esc(e.actor2.name) : ""}
        ${e.fatalities && e.fatalities.best != null ? " · " + e.fatalities.best + " killed" : ""}
        · ${e.sources.length} source(s)</div>
    </li>`).join("");
  list.querySelectorAll("li").forEach(li => li.addEventListener("click", () => select(li.dataset.id)));
}

function drawTimeline(events) {
  const byDay = new Map();
  for (const e of events) if (e.event_date) byDay.set(e.event_date, (byDay.get(e.event_date) || 0) + 1);
  const days = [...byDay.keys()].sort();
  const box = document.getElementById("timeline");
  if (!days.length) { box.innerHTML = "<em>no dated events</em>"; return; }
  const max = Math.max(...byDay.values()), w = 100 / days.length;
  box.innerHTML = `<svg viewBox="0 0 100 40" preserveAspectRatio="none" role="img" aria-label="events per day">` +
    days.map((d, i) => `<rect x="${i * w}" width="${Math.max(w - 0.3, 0.2)}" y="${40 - 36 * byDay.get(d) / max}"
      height="${36 * byDay.get(d) / max}" fill="#1d2430"><title>${d}: ${byDay.get(d)}</title></rect>`).join("") +
    `</svg><div class="meta">${days[0]} — ${days[days.length - 1]}</div>`;
}

function highlight(text, spans) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = "", at = 0;
  for (const s of sorted) {
    if (s.start < at) continue;
    out += esc(text.slice(at, s.start)) + "<mark>" + esc(text.slice(s.start, s.end)) + "</mark>";
    at = s.end;
  }
  return out + esc(text.slice(at));
}

async function select(id) {
  const e = state.events.find(x => x.event_id === id);
  if (!e) return;
  document.querySelectorAll("#events li").forEach(li => li.classList.toggle("selected", li.dataset.id === id));
  const m = state.markers.get(id);
  if (m) map.panTo(m.getLatLng());
  const detail = document.getElementById("detail");
  const parts = [`<h2>${esc(e.event_type)}: ${esc(e.sub_event_type)}</h2><p>${esc(e.notes)}</p>`];
  for (const s of e.sources) {
    const doc = await fetch(`/api/documents/${encodeURIComponent(s.document_id)}`).then(r => r.ok ? r.json() : null);
    const evidence = doc ? highlight(doc.text, s.evidence) : s.evidence.map(x => esc(x.text)).join(" … ");
    parts.push(`<h3>${esc(s.outlet || s.document_id)} ${esc(s.published || "")}</h3>
      <p>${esc(s.attribution || "")} ${s.attribution_type ? "(" + esc(s.attribution_type) + ")" : ""}</p>
      <div class="src">${evidence}</div>`);
  }
  detail.innerHTML = parts.join("");
}

document.getElementById("filters").addEventListener("submit", ev => { ev.preventDefault(); load(); });
load();
