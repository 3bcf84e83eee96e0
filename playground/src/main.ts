/** The playground page: an editor, the compiler's diagnostics and quick fixes, and the IAM JSON. */
import { EXAMPLES } from "arp:examples";
import type { AnalyzeRequest, AnalyzeResponse } from "./protocol.js";

const editor = document.querySelector<HTMLTextAreaElement>("#source")!;
const problems = document.querySelector<HTMLUListElement>("#diagnostics")!;
const json = document.querySelector<HTMLPreElement>("#json")!;
const status = document.querySelector<HTMLElement>("#status")!;

const worker = new Worker("worker.js", { type: "module" });
worker.onerror = (e) => (status.textContent = `worker failed: ${e.message}`);
let latest = 0;
let timer: ReturnType<typeof setTimeout> | undefined;
let sentAt = 0;

const DEFAULT = `policy ReadServices {
  allow apprunner:List*, apprunner:Describe* on *
}
`;

/** The document travels in the URL's fragment, so a shared link opens the same state. */
function fromUrl(): string | undefined {
  const hash = location.hash.startsWith("#code=") ? location.hash.slice(6) : "";
  return hash === "" ? undefined : decodeURIComponent(hash);
}

function request(): void {
  const text = editor.value;
  history.replaceState(null, "", `#code=${encodeURIComponent(text)}`);
  sentAt = performance.now();
  const field = (name: string): string => document.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${name}`)!.value;
  const message: AnalyzeRequest = { id: ++latest, text, request: { principal: field("principal"), action: field("action"), resource: field("resource"), context: field("context") } };
  worker.postMessage(message);
}

worker.onmessage = (event: MessageEvent<AnalyzeResponse>) => {
  const r = event.data;
  if (r.id !== latest) return;
  status.textContent = `${r.diagnostics.length} problem(s) · compiled in ${r.millis.toFixed(0)} ms · round trip ${(performance.now() - sentAt).toFixed(0)} ms`;
  status.dataset.roundTrip = String(performance.now() - sentAt);
  json.textContent = r.json;
  document.querySelector<HTMLPreElement>("#decision")!.textContent = r.decision ?? "";
  problems.replaceChildren(
    ...r.diagnostics.map((d) => {
      const item = document.createElement("li");
      item.className = `diagnostic ${d.severity}`;
      item.textContent = `${d.range.start.line + 1}:${d.range.start.character + 1} ${d.code} ${d.message}`;
      for (const fix of r.fixes.filter((f) => f.diagnostic.code === d.code && f.diagnostic.span.start === d.source.span.start)) {
        const button = document.createElement("button");
        button.className = "quick-fix";
        button.textContent = fix.title;
        button.onclick = () => {
          let text = editor.value;
          for (const e of [...fix.edits].sort((a, b) => b.span.start - a.span.start)) text = text.slice(0, e.span.start) + e.newText + text.slice(e.span.end);
          editor.value = text;
          for (const name of ["principal", "action", "resource", "context"]) document.querySelector(`#${name}`)!.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(request, 50);
});
request();
        };
        item.append(" ", button);
      }
      return item;
    }),
  );
};

const picker = document.querySelector<HTMLSelectElement>("#examples")!;
for (const name of Object.keys(EXAMPLES)) picker.append(new Option(name, name));
picker.addEventListener("change", () => {
  const text = EXAMPLES[picker.value];
  if (text === undefined) return;
  editor.value = text;
  for (const name of ["principal", "action", "resource", "context"]) document.querySelector(`#${name}`)!.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(request, 50);
});
request();
});

editor.value = fromUrl() ?? DEFAULT;
editor.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(request, 50);
});
for (const name of ["principal", "action", "resource", "context"]) document.querySelector(`#${name}`)!.addEventListener("input", () => {
  clearTimeout(timer);
  timer = setTimeout(request, 50);
});
request();
