/**
 * Hostile inputs for the `arp` command line: file contents (random bytes, valid `.arp` and IAM
 * JSON from the repository mutated, huge lines, control characters, deep nesting), file
 * names, and arguments (prototype names, control characters, odd paths, odd options).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { isAbsolute, join } from "node:path";
import fc from "fast-check";
import type { CaseFile, CliCase } from "./cliHarness.js";

const ROOT = new URL("../../", import.meta.url).pathname;

/** Every file under `dir` (relative to the repository) whose name ends with `ext`, up to `max` bytes. */
function seeds(dir: string, ext: string, max = 4000): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name.endsWith(ext) && statSync(path).size <= max) out.push(readFileSync(path, "utf8"));
    }
  };
  walk(join(ROOT, dir));
  return out;
}

const ARP_SEEDS = [...seeds("examples", ".arp"), ...seeds("test/corpus", ".arp"), ...seeds("stdlib", ".arp")];
const JSON_SEEDS = [...seeds("test/corpus", ".json"), ...seeds("test/import/fixtures", ".json")];

/** Characters that have broken tools before: controls, escapes, bidi overrides, surrogates. */
const NASTY = [
  "\u001b[31m", "\u001b]0;pwned\u0007", "\u001b[2J", "\u009b31m", "\u0000", "\r", "\n", "\t", "\u007f",
  "\u202e", "\u2066", "\u2069", "\ud800", "\udc00", "\ufeff", "\u00e9", "😀", "\\", "\\u", "\\ud800", "\"", "'",
  "`", "${", "}", "*/", "/*", "**********Z", "//", "{", "[", "(", ")", "]", "*", "?", ":", ",", "=", "..", "/", "-", "--",
];

/** Names that are properties of every plain object. */
export const PROTOTYPE_NAMES = ["__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "prototype", "__defineGetter__"];

const nasty = fc.constantFrom(...NASTY);
const protoName = fc.constantFrom(...PROTOTYPE_NAMES);

/** Short hostile text: nasty pieces, prototype names and ordinary characters. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof(nasty, protoName, fc.string({ maxLength: 6 }), fc.string({ unit: "grapheme", maxLength: 4 })), { maxLength: 6 })
  .map((parts) => parts.join(""));

/** Edits of a seed: cut it, insert hostile text, repeat or drop a slice, replace a character. */
function mutated(seedsOf: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat(), fc.nat(), fc.constantFrom("cut", "insert", "repeat", "drop", "replace"), hostileText);
  return fc.tuple(fc.constantFrom(...seedsOf), fc.array(edit, { minLength: 1, maxLength: 4 })).map(([seed, edits]) => {
    let text = seed;
    for (const [a, b, kind, piece] of edits) {
      const i = a % (text.length + 1);
      const j = Math.min(text.length, i + (b % 40));
      if (kind === "cut") text = text.slice(0, i);
      else if (kind === "insert") text = text.slice(0, i) + piece + text.slice(i);
      else if (kind === "repeat") text = text.slice(0, j) + text.slice(i, j).repeat(3) + text.slice(j);
      else if (kind === "drop") text = text.slice(0, i) + text.slice(j);
      else text = text.slice(0, i) + piece + text.slice(i + 1);
    }
    return text;
  });
}

/** Large but quick: long lines, many statements, deep nesting. */
const big: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: 1000, max: 20_000 }).map((n) => `allow apprunner:ListServices on "${"a".repeat(n)}"\n`),
  fc.integer({ min: 100, max: 2000 }).map((n) => "allow apprunner:ListServices on *\n".repeat(n)),
  fc.integer({ min: 50, max: 500 }).map((n) => `allow apprunner:ListServices on * when ${"(".repeat(n)}aws:SecureTransport = true${")".repeat(n)}\n`),
  fc.integer({ min: 50, max: 2000 }).map((n) => `${"[".repeat(n)}${"]".repeat(n)}`),
  fc.integer({ min: 50, max: 2000 }).map((n) => `{"Version":"2012-10-17","Statement":${'{"a":'.repeat(n)}1${"}".repeat(n)}}`),
  fc.integer({ min: 100, max: 3000 }).map((n) => JSON.stringify({
    Version: "2012-10-17",
    Statement: Array.from({ length: n }, (_, i) => ({ Effect: "Allow", Action: "apprunner:ListServices", Resource: `arn:aws:apprunner:*:*:service/s${i}/*` })),
  })),
);

/** A JSON seed with one value replaced by a hostile one (prototype keys, lone surrogates, odd types). */
const jsonEdited: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...JSON_SEEDS), fc.nat(), fc.oneof(hostileText.map((s) => JSON.stringify(s)), fc.constantFrom(
    '"\\ud800"', '"a\\udc00b"', '"\\ud83d\\ude00"', "null", "[]", "{}", "1e400", "-0", '{"__proto__":{"Effect":"Allow"}}',
    '{"constructor":"x"}', '{"toString":[1]}', '[{"Effect":"Deny","Action":"*","Resource":"*"}]',
  )))
  .map(([seed, at, value]) => {
    // Replace the n-th string value, keeping the JSON well formed around it.
    const strings = [...seed.matchAll(/"(?:[^"\\]|\\.)*"/g)];
    const m = strings[at % Math.max(1, strings.length)];
    return m?.index === undefined ? seed : seed.slice(0, m.index) + value + seed.slice(m.index + m[0].length);
  });

/** Contents for an `.arp` or `.json` file. */
export const fileContent: fc.Arbitrary<string | Uint8Array> = fc.oneof(
  { weight: 3, arbitrary: mutated(ARP_SEEDS) },
  { weight: 3, arbitrary: mutated(JSON_SEEDS) },
  { weight: 2, arbitrary: jsonEdited },
  { weight: 2, arbitrary: fc.constantFrom(...ARP_SEEDS, ...JSON_SEEDS) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 300 }) },
  { weight: 1, arbitrary: mutated(ARP_SEEDS).map((t) => Uint8Array.from(Buffer.concat([Buffer.from(t), Buffer.from([0xe9, 0xff, 0xc3])]))) },
  { weight: 1, arbitrary: hostileText },
  { weight: 1, arbitrary: big },
);

/** File names: plain, hostile (controls, spaces, a leading dash), nested, hidden. */
const baseName: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom("a", "policy", "P", "team-services", "sub/x", "deep/er/y", ".hidden", "-dash", "node_modules/m", "CON", "a b"),
  fc.constantFrom(...PROTOTYPE_NAMES),
  hostileText.map((s) => s.replace(/[/\0]/g, "_").replace(/^\.\.?$/, "dot").slice(0, 60)).filter((s) => s !== ""),
);
/** A file name, mostly ending with `ext` (what the command reads). */
function fileName(ext: string): fc.Arbitrary<string> {
  return fc
    .tuple(baseName, fc.oneof({ weight: 6, arbitrary: fc.constant(ext) }, { weight: 1, arbitrary: fc.constantFrom(".arp", ".json", "", ".txt") }))
    .map(([b, e]) => `${b}${e}`)
    .filter((n) => !n.split("/").some((p) => p === ".." || p === "." || p === ""));
}

/** Up to three files with distinct names. */
export function files(ext: string): fc.Arbitrary<CaseFile[]> {
  return fc.uniqueArray(fc.record({ name: fileName(ext), content: fileContent }), {
    minLength: 1,
    maxLength: 3,
    selector: (f) => f.name.toLowerCase(),
  });
}

/** A path argument: mostly one of the files or the directory; sometimes something missing or odd. */
function pathArg(names: readonly string[]): fc.Arbitrary<string> {
  const odd = fc.constantFrom("./", "", "missing.arp", "missing/", "/nonexistent/x.arp", "sub", "a.arp/x", "-", "--", "\u001b[31m.arp");
  if (names.length === 0) return fc.oneof(fc.constant("."), odd);
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...names) },
    { weight: 2, arbitrary: fc.constant(".") },
    { weight: 1, arbitrary: odd },
    // An absolute path would make the command walk the machine's file system (`/` walks
    // /proc): the run would read outside its directory and take hours.
    { weight: 1, arbitrary: hostileText.filter((p) => !isAbsolute(p)) },
  );
}

/** `--set NAME=VALUE` (and malformed ones). */
const setting: fc.Arbitrary<string[]> = fc
  .tuple(
    fc.oneof(protoName, fc.constantFrom("account", "region", "partition", "env", ""), hostileText),
    fc.oneof(hostileText, fc.constantFrom("123456789012", "us-east-1", "*")),
    fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
  )
  .map(([n, v, eq]) => ["--set", eq ? `${n}=${v}` : n]);

/** `--context KEY=VALUE`. */
const contextArg: fc.Arbitrary<string[]> = fc
  .tuple(fc.oneof(protoName, fc.constantFrom("aws:SecureTransport", "aws:PrincipalTag/team", "aws:MultiFactorAuthAge", "=", ""), hostileText), hostileText)
  .map(([k, v]) => ["--context", `${k}=${v}`]);

/** Options every compiling command takes, plus some it does not. */
const commonOptions: fc.Arbitrary<string[]> = fc
  .array(fc.oneof(
    { weight: 3, arbitrary: setting },
    { weight: 3, arbitrary: fc.constantFrom(["--format", "json"], ["--format", "text"], ["--no-color"]) },
    { weight: 1, arbitrary: fc.constantFrom(["--format", "xml"], ["--bogus"], ["-x"], ["--format"], ["--help"]) },
  ), { maxLength: 2 })
  .map((o) => o.flat());

const principal = fc.oneof(fc.constantFrom("arn:aws:iam::123456789012:user/alice", "arn:aws:sts::123456789012:assumed-role/R/s", "*", ""), hostileText);
const action = fc.oneof(fc.constantFrom("apprunner:DescribeService", "apprunner:ListServices", "ecr:GetAuthorizationToken", "*", "apprunner:*", ""), hostileText);
const resource = fc.oneof(fc.constantFrom("*", "arn:aws:apprunner:us-east-1:123456789012:service/web/abc", "arn:aws:s3:::b", ""), hostileText);

/** Arguments per command, given the names of the case's files. */
const argvFor: Readonly<Record<CliCommand, (names: readonly string[]) => fc.Arbitrary<string[]>>> = {
  check: (names) => fc.tuple(fc.array(pathArg(names), { minLength: 1, maxLength: 3 }), commonOptions).map(([p, o]) => ["check", ...p, ...o]),
  compile: (names) =>
    fc.tuple(
      fc.array(pathArg(names), { minLength: 1, maxLength: 3 }),
      fc.oneof(fc.constantFrom(["--out", "out"], ["--out", "out/sub/dir"], ["-o", "o2"], ["--out", ""], []), fc.constantFrom(...names, "x").map((n) => ["--out", n])),
      fc.constantFrom([], ["--target", "json,ts"], ["--target", "ts"], ["--target", "wasm"], ["--target", ""], ["--target", ",,"]),
      commonOptions,
    ).map(([p, out, t, o]) => ["compile", ...p, ...out, ...t, ...o]),
  test: (names) => fc.tuple(fc.array(pathArg(names), { maxLength: 2 }), commonOptions).map(([p, o]) => ["test", ...p, ...o]),
  fmt: (names) =>
    fc.tuple(fc.array(pathArg(names), { maxLength: 2 }), fc.constantFrom([], ["--check"], ["--check", "--bogus"])).map(([p, o]) => ["fmt", ...p, ...o]),
  // `import` with no file or `-` reads standard input, which an in-process run must not touch;
  // test/import/cli.test.ts reads standard input through the command's `ImportIo` instead.
  import: (names) =>
    fc.tuple(
      fc.array(pathArg(names).filter((p) => p !== "-" && p !== "--"), { minLength: 1, maxLength: 3 }),
      fc.constantFrom([], ["--out", "imported"], ["--format", "json"], ["-o", ""]),
    ).map(([p, o]) => ["import", ...p, ...o]),
  eval: (names) =>
    fc.tuple(
      fc.array(pathArg(names), { minLength: 1, maxLength: 2 }),
      principal, action, resource,
      fc.array(contextArg, { maxLength: 4 }),
      commonOptions,
      fc.boolean(),
    ).map(([p, pr, a, r, ctx, o, all]) => [
      "eval", ...p, ...(all ? ["--principal", pr, "--action", a, "--resource", r] : ["--principal", pr]), ...ctx.flat(), ...o,
    ]),
  why: (names) =>
    fc.tuple(
      fc.oneof(
        fc.tuple(principal, action, resource).map(([p, a, r]) => `User: ${p} is not authorized to perform: ${a} on resource: ${r}`),
        fc.tuple(principal, action, resource).map(([p, a, r]) => `User: ${p} is not authorized to perform: ${a} on resource: ${r} because no identity-based policy allows the ${a} action`),
        hostileText,
      ),
      fc.array(pathArg(names), { minLength: 1, maxLength: 2 }),
      fc.array(contextArg, { maxLength: 3 }),
      fc.option(resource.map((r) => ["--resource", r]), { nil: [] }),
      commonOptions,
    ).map(([m, p, ctx, r, o]) => ["why", m, ...p, ...ctx.flat(), ...r, ...o]),
  catalog: () =>
    fc.tuple(
      fc.option(fc.oneof(hostileText, fc.constantFrom("apprunner", "ecr", "apprunner:Describe*", "aws:", "*", "?", "iam:Pass*Role", "Tag")), { nil: undefined }),
      fc.constantFrom([], ["--json"], ["--no-color"]),
    ).map(([w, o]) => ["catalog", ...(w === undefined ? [] : [w]), ...o]),
  meta: () =>
    fc.oneof(
      fc.constantFrom(["--version"], ["-V"], ["--help"], ["-h"], [], ["help"], ["help", "compile"], ["check", "--help"], ["eval", "-h"], ["frobnicate"], ["--no-color", "--version"]).map((a) => [...a]),
      fc.array(hostileText, { maxLength: 3 }),
    ),
};

/** The commands fuzzed; `meta` is `--version`, `--help` and arguments that name no command. */
export const CLI_COMMANDS = ["check", "compile", "test", "eval", "why", "catalog", "fmt", "import", "meta"] as const;
export type CliCommand = (typeof CLI_COMMANDS)[number];

/** Cases for one command: files, then arguments that name them. */
export function cliCase(command: CliCommand): fc.Arbitrary<CliCase> {
  const needsFiles = command !== "catalog" && command !== "meta";
  const fileSet = needsFiles ? files(command === "import" ? ".json" : ".arp") : fc.constant<CaseFile[]>([]);
  return fileSet.chain((fs) => argvFor[command](fs.map((f) => f.name)).map((argv) => ({ files: fs, argv })));
}
