/**
 * The playground page: a CodeMirror editor with the language service's diagnostics, quick fixes,
 * hover and completion (answered by the compiler worker, as the language server answers an
 * editor), and panes for the IAM JSON, the generated evaluator, `arp test` results and a request's
 * decision. The document and the request travel in the URL, so a shared link opens the same state.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from "@codemirror/autocomplete";
import { defaultKeymap, history, historyKeymap } from "@codemirror/commands";
import { lintGutter, setDiagnostics, type Diagnostic as LintDiagnostic } from "@codemirror/lint";
import { EditorState } from "@codemirror/state";
import { EditorView, hoverTooltip, keymap, lineNumbers } from "@codemirror/view";
import { EXAMPLES } from "arp:examples";
import { arpHighlighting } from "./highlight.js";
import type { QuickFix } from "../../compiler/languageService/index.js";
import type { AnalyzeResponse, EvalRequest, WorkerRequest, WorkerResponse } from "./protocol.js";

const $ = <T extends HTMLElement>(selector: string): T => document.querySelector<T>(selector)!;
const problems = $<HTMLUListElement>("#diagnostics");
const status = $<HTMLElement>("#status");
const FIELDS = ["principal", "action", "resource", "context", "as"] as const;

const DEFAULT = `policy ReadServices {
  allow apprunner:List*, apprunner:Describe* on *
}
`;

const worker = new Worker("worker.js", { type: "module" });
worker.onerror = (e) => (status.textContent = `worker failed: ${e.message}`);
let nextId = 0;
const pending = new Map<number, (r: WorkerResponse) => void>();

/** Sends a request to the worker; resolves with its answer. */
function ask<R extends WorkerResponse>(message: WorkerRequest): Promise<R> {
  return new Promise((resolve) => {
    pending.set(message.id, resolve as (r: WorkerResponse) => void);
    worker.postMessage(message);
  });
}

worker.onmessage = (event: MessageEvent<WorkerResponse>) => {
  const done = pending.get(event.data.id);
  pending.delete(event.data.id);
  done?.(event.data);
};

// ---- state in the URL ----------------------------------------------------------------------

function fromUrl(): { code?: string; request: Partial<EvalRequest> } {
  const params = new URLSearchParams(location.hash.slice(1));
  const request = Object.fromEntries(FIELDS.flatMap((f) => (params.has(f) ? [[f, params.get(f)!]] : [])));
  return { ...(params.has("code") ? { code: params.get("code")! } : {}), request };
}

function toUrl(text: string, request: EvalRequest): void {
  const params = new URLSearchParams({ code: text, ...request });
  window.history.replaceState(null, "", `#${params.toString()}`);
}

const formRequest = (): EvalRequest => {
  const field = (name: string): string => $<HTMLInputElement>(`#${name}`).value;
  return { principal: field("principal"), action: field("action"), resource: field("resource"), context: field("context"), as: field("as") };
};

// ---- the editor ----------------------------------------------------------------------------

const escapeHtml = (text: string): string => text.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

/** The language service's Markdown (code blocks, `code`, **bold**, paragraphs), escaped first, so nothing in it is markup. */
function markdownNode(markdown: string): HTMLElement {
  const node = document.createElement("div");
  node.className = "hover";
  node.innerHTML = markdown
    .split(/```\w*\n?/)
    .map((part, i) =>
      i % 2 === 1
        ? `<pre>${escapeHtml(part.replace(/\n$/, ""))}</pre>`
        : escapeHtml(part)
            .replace(/`([^`]+)`/g, "<code>$1</code>")
            .replace(/\*\*([^*]+)\*\*/g, "<b>$1</b>")
            .replace(/\n{2,}/g, "<br><br>"),
    )
    .join("");
  return node;
}

const hover = hoverTooltip(async (view, pos) => {
  const r = await ask<Extract<WorkerResponse, { kind: "hover" }>>({ kind: "hover", id: ++nextId, text: view.state.doc.toString(), offset: pos });
  if (r.hover === undefined) return null;
  const { markdown, from, to } = r.hover;
  return { pos: from, end: to, above: true, create: () => ({ dom: markdownNode(markdown) }) };
});

async function complete(context: CompletionContext): Promise<CompletionResult | null> {
  const word = context.matchBefore(/[\w:*/.\-$]*/);
  if (!context.explicit && (word === null || word.from === word.to)) return null;
  const r = await ask<Extract<WorkerResponse, { kind: "complete" }>>({ kind: "complete", id: ++nextId, text: context.state.doc.toString(), offset: context.pos });
  if (r.entries.length === 0) return null;
  const type = (kind: string): string => ({ service: "namespace", action: "function", resource: "constant", key: "property", variable: "variable", param: "variable", policy: "class", role: "class", group: "class", keyword: "keyword" })[kind] ?? "text";
  return { from: r.from, options: r.entries.map((e) => ({ label: e.label, apply: e.insertText, type: type(e.kind), ...(e.detail !== undefined ? { detail: e.detail } : {}) })), validFor: /^[\w:*/.\-$]*$/ };
}

function applyFix(fix: QuickFix): void {
  const changes = fix.edits.map((e) => ({ from: e.span.start, to: e.span.end, insert: e.newText }));
  view.dispatch({ changes });
}

const initial = fromUrl();
for (const [name, value] of Object.entries(initial.request)) $<HTMLInputElement>(`#${name}`).value = value;

const view = new EditorView({
  parent: $("#editor"),
  state: EditorState.create({
    doc: initial.code ?? DEFAULT,
    extensions: [
      lineNumbers(),
      history(),
      keymap.of([...defaultKeymap, ...historyKeymap]),
      arpHighlighting,
      lintGutter(),
      hover,
      autocompletion({ override: [complete], activateOnTyping: true }),
      EditorView.lineWrapping,
      EditorView.updateListener.of((u) => {
        if (u.docChanged) schedule();
      }),
    ],
  }),
});
/** For tests driving the page: the document and the screen position of an offset in it. */
Object.assign(window, {
  arpText: (): string => view.state.doc.toString(),
  arpSetCursor: (offset: number): void => {
    view.focus();
    view.dispatch({ selection: { anchor: offset } });
  },
  arpCoordsAt: (offset: number): { x: number; y: number } | null => {
    const c = view.coordsAtPos(offset);
    return c === null ? null : { x: (c.left + c.right) / 2, y: (c.top + c.bottom) / 2 };
  },
});

// ---- compiling as you type -----------------------------------------------------------------

let timer: ReturnType<typeof setTimeout> | undefined;
let editedAt = performance.now();
let latest = 0;
let firstResult = true;
/** Debounce: one compile per pause in typing, short enough not to be noticed. */
const DEBOUNCE_MS = 25;

function schedule(): void {
  editedAt = performance.now();
  clearTimeout(timer);
  timer = setTimeout(() => void run(), DEBOUNCE_MS);
}

async function run(): Promise<void> {
  const text = view.state.doc.toString();
  const request = formRequest();
  toUrl(text, request);
  const id = ++nextId;
  latest = id;
  const since = editedAt;
  const r = await ask<AnalyzeResponse>({ kind: "analyze", id, text, request });
  if (id !== latest) return;
  show(r);
  const elapsed = performance.now() - since;
  // The first result includes loading the worker and the catalog: it is not typing.
  const what = firstResult ? "first result" : "typing to result";
  firstResult = false;
  status.textContent = `${r.diagnostics.length} problem(s) · compiled in ${r.millis.toFixed(0)} ms · ${what} ${elapsed.toFixed(0)} ms`;
  status.dataset.typingToResult = elapsed.toFixed(1);
  status.dataset.id = String(id);
  if (activePane === "evaluator") void showEvaluator();
}

function show(r: AnalyzeResponse): void {
  const doc = view.state.doc;
  const clamp = (n: number): number => Math.min(Math.max(n, 0), doc.length);
  const offset = (p: { line: number; character: number }): number => clamp(doc.line(Math.min(p.line + 1, doc.lines)).from + p.character);
  const lint: LintDiagnostic[] = r.diagnostics.map((d) => {
    const fixes = r.fixes.filter((f) => f.diagnostic.code === d.code && f.diagnostic.span.start === d.source.span.start);
    return {
      from: offset(d.range.start),
      to: offset(d.range.end),
      severity: d.severity,
      source: d.code,
      message: d.message,
      actions: fixes.map((f) => ({ name: f.title, apply: () => applyFix(f) })),
    };
  });
  view.dispatch(setDiagnostics(view.state, lint));
  problems.replaceChildren(
    ...r.diagnostics.map((d) => {
      const item = document.createElement("li");
      item.className = `diagnostic ${d.severity}`;
      item.textContent = `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;
      for (const fix of r.fixes.filter((f) => f.diagnostic.code === d.code && f.diagnostic.span.start === d.source.span.start)) {
        const button = document.createElement("button");
        button.className = "quick-fix";
        button.textContent = fix.title;
        button.onclick = () => applyFix(fix);
        item.append(" ", button);
      }
      return item;
    }),
  );
  $("#json").textContent = r.outputs.length === 0 ? "// fix the errors to see the IAM JSON" : r.outputs.map((o) => `// ${o.label}\n${o.json.trimEnd()}`).join("\n\n");
  $("#decision").textContent = r.decision ?? "";
  $("#tests").textContent =
    r.tests.length === 0
      ? "no expectations ran (add a `test \"...\" { expect ... }` block)"
      : r.tests.map((t) => `${t.passed ? "✓" : "✗"} line ${doc.lineAt(clamp(t.at)).number}: ${t.test}: expected ${t.want}, got ${t.got}`).join("\n") + `\n\n${r.tests.filter((t) => t.passed).length} passed, ${r.tests.filter((t) => !t.passed).length} failed`;
}

// ---- panes ---------------------------------------------------------------------------------

let activePane = "json";

async function showEvaluator(): Promise<void> {
  const text = view.state.doc.toString();
  const r = await ask<Extract<WorkerResponse, { kind: "evaluator" }>>({ kind: "evaluator", id: ++nextId, text });
  if (text === view.state.doc.toString()) $("#evaluator").textContent = r.code;
}

for (const tab of document.querySelectorAll<HTMLButtonElement>("#tabs button")) {
  tab.addEventListener("click", () => {
    activePane = tab.dataset.pane!;
    for (const other of document.querySelectorAll<HTMLButtonElement>("#tabs button")) other.classList.toggle("active", other === tab);
    for (const pane of document.querySelectorAll<HTMLElement>(".pane")) pane.hidden = pane.id !== activePane;
    if (activePane === "evaluator") void showEvaluator();
  });
}

const picker = $<HTMLSelectElement>("#examples");
for (const name of Object.keys(EXAMPLES)) picker.append(new Option(name, name));
picker.addEventListener("change", () => {
  const text = EXAMPLES[picker.value];
  if (text !== undefined) view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
});
for (const name of FIELDS) $(`#${name}`).addEventListener("input", schedule);
void run();
