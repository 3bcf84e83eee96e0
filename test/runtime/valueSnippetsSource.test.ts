/**
 * The generated evaluator's value readers (compiler/emit/typescript/snippetsValues.ts) are the
 * runtime's own functions as text, extracted by test/runtime/runtimeSource.ts. This test is the
 * generator, as test/grammar/cstTypes.test.ts is for grammar/cst.d.ts: it fails when the
 * committed file differs from a fresh extraction; `npx vitest run -u` rewrites it.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { expectGolden } from "../support/golden.js";
import { extractSnippet, snippetsModule, type SnippetSpec } from "./runtimeSource.js";

const ROOT = fileURLToPath(new URL("../..", import.meta.url));
const FILE = fileURLToPath(new URL("../../compiler/emit/typescript/snippetsValues.ts", import.meta.url));

const HEADER = `// Generated from runtime/ by test/runtime/valueSnippetsSource.test.ts (\`npx vitest run -u\`); do not edit.
/**
 * Generated-code snippets that read request values the way the runtime's operators do:
 * decimals, IAM dates, IP addresses, base-64 bytes. Each is the runtime function's own source
 * (with what it calls), which helpers.ts emits only when a condition of that family appears.
 */
`;

/** What the generated evaluator calls (compiler/emit/typescript/conditions.ts) and where it lives. */
export const VALUE_SNIPPETS: readonly SnippetSpec[] = [
  { name: "NUMBER", doc: "Emitted source: `parseDecimal` of runtime/operators/numeric.ts.", file: "runtime/operators/numeric.ts", roots: ["parseDecimal"] },
  { name: "DATE", doc: "Emitted source: `dateOrder` of runtime/dates.ts.", file: "runtime/dates.ts", roots: ["dateOrder"] },
  { name: "IP", doc: "Emitted source: `requestAddress`, `inRange` and `Cidr` of runtime/operators/ip.ts.", file: "runtime/operators/ip.ts", roots: ["requestAddress", "inRange", "Cidr"] },
  { name: "BINARY", doc: "Emitted source: `binaryBytes` of runtime/operators/binary.ts.", file: "runtime/operators/binary.ts", roots: ["binaryBytes"] },
];

describe("snippetsValues.ts", () => {
  it("is the runtime's value readers, extracted afresh", async () => {
    await expectGolden(snippetsModule(ROOT, HEADER, VALUE_SNIPPETS), FILE);
  });

  it("takes a root's helpers from its file and drops the rest", () => {
    const ip = extractSnippet(ROOT, VALUE_SNIPPETS[2]!);
    expect(ip).toMatch(/^function parseIpv4\(/m);
    expect(ip).toMatch(/^interface Cidr \{/m);
    expect(ip).not.toMatch(/parseCidr|ipBehaviour|\bexport\b|\bimport\b/);
  });

  it("refuses a root that needs an import: the generated evaluator imports nothing", () => {
    const spec: SnippetSpec = { name: "X", doc: "", file: "runtime/operators/numeric.ts", roots: ["numericBehaviour"] };
    expect(() => extractSnippet(ROOT, spec)).toThrow(/numericBehaviour uses the import (BehaviourOf|orderedBehaviour)/);
  });
});
