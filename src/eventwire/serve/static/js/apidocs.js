// API docs: the endpoints of /api/openapi.json with their parameters and response fields, and a
// form to try each one. (FastAPI's own docs page loads Swagger UI from a CDN; this one needs none.)

import { esc } from "./util.js";

const SHOWN_CHARS = 20000;  // a response is cut here when shown

async function main() {
  const root = document.getElementById("docs");
  try {
    const spec = await (await fetch("/api/openapi.json")).json();
    root.innerHTML = intro(spec) + Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, op]) => endpoint(path, method, op))).join("") + schemas(spec);
    for (const form of root.querySelectorAll("form.try")) form.addEventListener("submit", tryIt);
  } catch (error) {
    root.innerHTML = `<p class="error" role="alert">Cannot read the API description: ${esc(error.message)}</p>`;
  }
}

function intro(spec) {
  const list = Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([m, op]) =>
    `<li><a href="#${anchor(m, path)}"><code>${m.toUpperCase()} ${esc(path)}</code></a> — ${esc(op.summary || "")}</li>`));
  return `<h1>${esc(spec.info.title)} API <span class="muted small">version ${esc(spec.info.version)}</span></h1>
    <p>${prose(spec.info.description)} All endpoints answer JSON; bad parameters get 422 with a
    <code>detail</code> saying what is wrong, unknown ids 404. The machine-readable description is
    <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI ${esc(spec.openapi)}).</p>
    <ul class="endpoint-index">${list.join("")}</ul>`;
}

/** Escaped text with `code` in backticks shown as code. */
function prose(text) {
  return esc(text || "").replace(/`([^`]+)`/g, "<code>$1</code>");
}

function anchor(method, path) {
  return `${method}-${path.replace(/[^a-z0-9]+/gi, "-")}`;
}

function endpoint(path, method, op) {
  const params = op.parameters || [];
  const rows = params.map((p) => `<tr><td><code>${esc(p.name)}</code>${p.required ? " <span class=\"req\">required</span>" : ""}</td>
    <td>${esc(p.in)}</td><td><code>${esc(typeOf(p.schema))}</code>${constraints(p.schema)}</td><td>${prose(p.description)}</td></tr>`).join("");
  const ok = op.responses?.["200"]?.content?.["application/json"]?.schema;
  const others = Object.entries(op.responses || {}).filter(([code]) => code !== "200")
    .map(([code, r]) => `<code>${esc(code)}</code> ${esc(r.description)}`).join("; ");
  return `<section class="endpoint" id="${anchor(method, path)}">
    <h2><span class="method">${method.toUpperCase()}</span> <code>${esc(path)}</code></h2>
    <p><strong>${esc(op.summary || "")}</strong>. ${prose(op.description)}</p>
    ${params.length ? table(["Parameter", "In", "Type", "Description"], rows) : ""}
    <p class="small">Response: ${ok ? schemaLink(ok) : "JSON"}${others ? ` · other answers: ${others}` : ""}</p>
    ${tryForm(path, params)}
  </section>`;
}

function table(headers, rows) {
  const head = headers.map((h) => `<th>${h}</th>`).join("");
  return `<table class="compact"><thead><tr>${head}</tr></thead><tbody>${rows}</tbody></table>`;
}

/** "string", "integer", "EventPage", "array of Event", "string | null". */
function typeOf(schema = {}) {
  if (schema.$ref) return schema.$ref.split("/").at(-1);
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(" | ");
  if (schema.type === "array") return `array of ${typeOf(schema.items)}`;
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  return schema.type || "any";
}

function constraints(schema = {}) {
  const inner = schema.anyOf?.find((s) => s.type !== "null") || schema;
  const parts = [];
  if (schema.default !== undefined && schema.default !== null) parts.push(`default ${JSON.stringify(schema.default)}`);
  if (inner.minimum !== undefined) parts.push(`≥ ${inner.minimum}`);
  if (inner.maximum !== undefined) parts.push(`≤ ${inner.maximum}`);
  if (inner.pattern) parts.push(`matches <code>${esc(inner.pattern)}</code>`);
  return parts.length ? `<div class="small muted">${parts.join(", ")}</div>` : "";
}

function schemaLink(schema) {
  const name = typeOf(schema);
  return esc(name).replace(/[A-Z][A-Za-z]+/g, (n) => `<a href="#schema-${n}">${n}</a>`);
}

function tryForm(path, params) {
  const inputs = params.map((p) => `<label>${esc(p.name)} <input name="${esc(p.name)}" data-in="${esc(p.in)}"
    ${p.required ? "required" : ""} placeholder="${esc(p.schema?.default ?? "")}"></label>`).join("");
  return `<details class="try-it"><summary>Try it</summary>
    <form class="try" data-path="${esc(path)}">${inputs}<button type="submit">Send</button></form>
    <p class="small"><a class="request-url" href="#"></a></p><pre class="response" hidden></pre></details>`;
}

async function tryIt(event) {
  event.preventDefault();
  const form = event.target;
  let url = form.dataset.path;
  const query = new URLSearchParams();
  for (const input of form.querySelectorAll("input")) {
    if (!input.value) continue;
    if (input.dataset.in === "path") url = url.replace(`{${input.name}}`, encodeURIComponent(input.value));
    else query.append(input.name, input.value);
  }
  url += query.toString() ? `?${query}` : "";
  const box = form.parentElement;
  const shown = box.querySelector(".request-url");
  shown.href = url;
  shown.textContent = `curl '${location.origin}${url}'`;
  const out = box.querySelector(".response");
  const response = await fetch(url);
  const text = JSON.stringify(await response.json().catch(() => null), null, 2) || "";
  out.hidden = false;
  out.textContent = `${response.status} ${response.statusText}\n` +
    (text.length > SHOWN_CHARS ? text.slice(0, SHOWN_CHARS) + "\n…" : text);
}

function schemas(spec) {
  const all = Object.entries(spec.components?.schemas || {}).filter(([name]) => !/Validation|HTTP/.test(name));
  return `<h2 id="schemas">Response models</h2>` + all.map(([name, schema]) => {
    const required = new Set(schema.required || []);
    const rows = Object.entries(schema.properties || {}).map(([field, s]) => `<tr><td><code>${esc(field)}</code></td>
      <td><code>${schemaLink(s)}</code>${required.has(field) ? "" : ' <span class="muted small">optional</span>'}</td>
      <td>${prose(s.description)}</td></tr>`).join("");
    return `<section class="schema" id="schema-${esc(name)}"><h3>${esc(name)}</h3>
      ${table(["Field", "Type", "Description"], rows)}</section>`;
  }).join("");
}

main();
