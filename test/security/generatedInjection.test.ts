/**
 * Policy authors are not trusted with code execution: whatever text a `.arp` file puts in a
 * name or a value (a role, policy or inline policy name, a Sid, a file path, a description, a
 * parameter, a condition key or value, a resource, a test name), the generated evaluator holds
 * it only as data. For each hostile string in each position, compilation either refuses it with
 * diagnostics, or the JSON and TypeScript outputs are produced, every module type-checks under
 * `--strict` (all in one program), loading and running it has no side effect (a payload would
 * set a global sentinel or call process.exit), and it decides as the runtime does.
 */
import ts from "typescript";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compile, generateEvaluatorModule, outputFiles, type CompileResult, type SourceInput } from "../../compiler/index.js";
import { generateEvaluator, type PolicySource } from "../../compiler/emit/typescript/index.js";
import { compilePolicySet, type IamStatement, type Request } from "../../runtime/index.js";
import { loadEvaluator, typeCheck } from "../codegen/support.js";

const SENTINEL = "__arpInjected";

/** Strings that break out of a comment, a string or a template literal, or name a prototype member. */
const HOSTILE: readonly string[] = [
  `*/ globalThis.${SENTINEL} = 1; /*`,
  `/* x`,
  "` + (globalThis." + SENTINEL + " = 1) + `",
  "${globalThis." + SENTINEL + " = 1}",
  `"); globalThis.${SENTINEL} = 1; ("`,
  `'); globalThis.${SENTINEL} = 1; ('`,
  `a\\b\\`,
  `x\u2028globalThis.${SENTINEL} = 1;//`,
  `x\u2029globalThis.${SENTINEL} = 1;//`,
  `x\u0000y`,
  `</script><script>globalThis.${SENTINEL} = 1</script>`,
  `x*/(globalThis as any).process.exit(42);/*`,
  "n".repeat(300),
  "__proto__",
  "constructor",
  "toString",
];

/** `text` as an arp string literal: `\`, `"` and `$` escaped, line breaks as `\n`. */
function arpString(text: string): string {
  return `"${text.replace(/[\\"$]/g, (c) => `\\${c}`).replace(/\n/g, "\\n")}"`;
}

const TRUST = `trust service "build.apprunner.amazonaws.com"`;

/** One `.arp` program per position a name or value can take, with `h` there. */
const POSITIONS: Readonly<Record<string, (h: string) => readonly SourceInput[]>> = {
  "role name": (h) => [{ path: "roles.arp", text: `role ${arpString(h)} { ${TRUST}\n policy P { allow apprunner:ListServices on * } }` }],
  "inline policy name": (h) => [{ path: "roles.arp", text: `role R { ${TRUST}\n policy ${arpString(h)} { allow apprunner:ListServices on * } }` }],
  "policy name": (h) => [{ path: "p.arp", text: `policy ${arpString(h)} { allow apprunner:ListServices on * }` }],
  "Sid label": (h) => [{ path: "p.arp", text: `policy P { ${arpString(h)}: deny apprunner:DeleteService on *\n allow apprunner:* on * }` }],
  "file path": (h) => [{ path: `dir/${h}.arp`, text: `policy P { deny apprunner:DeleteService on service/prod-*\n allow apprunner:* on * }` }],
  "policy description": (h) => [{ path: "p.arp", text: `policy P ${arpString(h)} { allow apprunner:ListServices on * }` }],
  "role description": (h) => [
    { path: "p.arp", text: `policy P { allow apprunner:ListServices on * }\nrole R ${arpString(h)} { ${TRUST} attach P }` },
  ],
  "param value": (h) => [
    {
      path: "p.arp",
      text: `param team = ${arpString(h)}\npolicy P { allow apprunner:* on "arn:aws:apprunner:*:*:service/\${team}/*" when principal tag team = $team }`,
    },
  ],
  "condition value": (h) => [
    { path: "p.arp", text: `policy P { deny apprunner:DeleteService on * when principal tag team = ${arpString(h)}\n allow apprunner:* on * }` },
  ],
  "condition key": (h) => [{ path: "p.arp", text: `policy P { allow apprunner:* on * when tag ${arpString(h)} = "x" }` }],
  resource: (h) => [{ path: "p.arp", text: `policy P { allow apprunner:* on ${arpString(`arn:aws:apprunner:*:*:service/${h}`)} }` }],
  "test name": (h) => [
    {
      path: "p.arp",
      text: `policy P { allow apprunner:ListServices on * }\ntest ${arpString(h)} for P { expect allow apprunner:ListServices on * }`,
    },
  ],
};

/** What the evaluator is given: the compiler's policies and the roles' inline ones, as `generateEvaluatorModule` names them. */
function policiesOf(result: CompileResult): PolicySource[] {
  return [
    ...result.policies,
    ...result.roles.flatMap((r) => r.inlinePolicies.map((p) => ({ ...p, name: `${r.name}/${p.name}` }))),
  ].map((p) => ({ name: p.name, document: p.document, ...(p.sources !== undefined ? { sources: p.sources } : {}) }));
}

/** The sentinel never becomes an identifier of the module: it stays inside strings and comments. */
function expectOnlyData(module: string): void {
  expect(identifiersOf(module)).not.toContain(SENTINEL);
}

/** `value` with every `Sid`/`sid` property left out. */
function withoutSids<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v: unknown) => (key === "Sid" || key === "sid" ? undefined : v))) as T;
}

/** Loading runs nothing, and every request that meets the hostile text decides as the runtime. */
function expectSameDecisions(module: string, policies: readonly PolicySource[]): void {
  const evaluator = loadEvaluator(module);
  // The runtime refuses Sids IAM rejects (letters and digits only); the generated module keeps
  // whatever Sid it was given as data, so explanations are compared without Sids.
  const set = compilePolicySet(policies.map((p) => ({ ...p, document: withoutSids(p.document) })));
  for (const h of HOSTILE) {
    for (const request of requestsFor(h)) {
      expect(withoutSids(evaluator.explain(request)), `${request.action} ${request.resource.slice(0, 80)}`).toEqual(withoutSids(set.evaluate(request)));
      expect(evaluator.authorize(request)).toBe(set.evaluate(request).decision);
    }
  }
}

interface Compiled {
  readonly position: string;
  readonly i: number;
  readonly result: CompileResult;
}

let compiled: Compiled[] | undefined;

/** Every position's program compiled with every hostile string (once: both tests read them). */
function compiledPrograms(): Compiled[] {
  compiled ??= Object.entries(POSITIONS).flatMap(([position, program]) => HOSTILE.map((h, i) => ({ position, i, result: compile(program(h)) })));
  return compiled;
}

/** IAM documents with the hostile text in every field (as `arp import` may bring them), bypassing the checker. */
function hostileDocuments(): PolicySource[] {
  return HOSTILE.map((h, i) => ({
    name: h,
    document: {
      Version: "2012-10-17",
      Statement: [
        {
          Sid: h,
          Effect: "Deny",
          Action: [`apprunner:${h}`, "apprunner:DeleteService"],
          Resource: `arn:aws:apprunner:*:*:service/${h}`,
          Condition: { StringEquals: { [`aws:PrincipalTag/${h}`]: [h, `${h}${i}`] } },
        },
        { Sid: `${h}2`, Effect: "Allow", Action: "apprunner:*", NotResource: `arn:${h}`, Condition: { StringLike: { [h]: `*${h}*` } } } as IamStatement,
      ],
    },
    sources: [{ file: h, line: 1, column: 1 }, { file: `${h}.arp`, line: 2, column: 1 }],
  }));
}

/** Requests that reach the hostile text wherever it went: as a tag value, a resource, a key. */
function requestsFor(h: string): Request[] {
  const principal = "arn:aws:iam::123456789012:user/alice";
  return [
    { principal, action: "apprunner:ListServices", resource: "*" },
    { principal, action: "apprunner:DeleteService", resource: "*", context: { "aws:PrincipalTag/team": h } },
    { principal, action: "apprunner:DeleteService", resource: "arn:aws:apprunner:us-east-1:123456789012:service/prod-x/1" },
    { principal, action: "apprunner:UpdateService", resource: `arn:aws:apprunner:us-east-1:123456789012:service/${h}/1`, context: { "aws:PrincipalTag/team": h } },
    { principal, action: "apprunner:UpdateService", resource: `arn:aws:apprunner:us-east-1:123456789012:service/${h}`, context: { [`aws:ResourceTag/${h}`]: "x" } },
    { principal, action: `apprunner:${h}`, resource: `arn:aws:apprunner:us-east-1:1:service/${h}`, context: { [`aws:PrincipalTag/${h}`]: h } },
    { principal, action: "apprunner:ListServices", resource: `arn:${h}`, context: { [h]: `a${h}b` } },
  ];
}

/** The identifiers of a module as TypeScript's parser reads it (not the emitter's own scanner). */
function identifiersOf(source: string): Set<string> {
  const names = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) names.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(ts.createSourceFile("evaluator.ts", source, ts.ScriptTarget.ES2022, true));
  return names;
}

declare global {
  // eslint-disable-next-line no-var
  var __arpInjected: unknown;
}

describe("generated evaluator: hostile names and values are data, never code", () => {
  const exits: unknown[] = [];
  const realExit = process.exit;
  beforeEach(() => {
    delete globalThis.__arpInjected;
    exits.length = 0;
    process.exit = ((code?: number) => {
      exits.push(code);
      throw new Error(`process.exit(${String(code)}) called by generated code`);
    }) as typeof process.exit;
  });
  afterEach(() => {
    process.exit = realExit;
    delete globalThis.__arpInjected;
  });

  it("refuses each hostile .arp program with diagnostics, or compiles it to JSON that holds the text as data", () => {
    for (const { position, i, result } of compiledPrograms()) {
      if (!result.ok) {
        expect(result.diagnostics.some((d) => d.severity === "error"), `${position} #${i}`).toBe(true);
        continue;
      }
      for (const file of outputFiles(result)) expect(() => JSON.parse(file.text), `${position} #${i}: ${file.name}`).not.toThrow();
    }
    // The positions every hostile string reaches without a diagnostic (none is refused by design);
    // role descriptions are held to IAM's character set, so only policy descriptions count here.
    for (const position of ["file path", "test name"]) {
      expect(compiledPrograms().filter((c) => c.position === position && c.result.ok).length, position).toBe(HOSTILE.length);
    }
    // Condition values and policy descriptions are held to IAM's character set too (ARP4012): all but U+2028, U+2029 and U+0000 compile.
    const outsideIamSet = HOSTILE.filter((h) => /[^\t\n\r\u0020-\u00ff]/.test(h)).length;
    expect(outsideIamSet).toBe(3);
    for (const position of ["condition value", "policy description"]) {
      expect(compiledPrograms().filter((c) => c.position === position && c.result.ok).length, position).toBe(HOSTILE.length - outsideIamSet);
    }
  });

  it("generates one module from every accepted program: it type-checks, runs nothing and decides as the runtime", async () => {
    // Descriptions and test names never reach the module; every other position does.
    const accepted = compiledPrograms().filter((c) => c.result.ok && !c.position.endsWith("description") && c.position !== "test name");
    const policies = accepted.flatMap((c) => policiesOf(c.result));
    // One module for all (generating and type-checking each alone would take minutes), in the
    // generator's own layout: prettier only re-lays out the same tokens, and takes seconds here.
    const module = await generateEvaluator(policies, { moduleName: "evaluator.ts", prettierLimit: 0 });
    expectOnlyData(module);
    expect(typeCheck({ "/virtual/evaluator.ts": module })).toEqual([]);
    expectSameDecisions(module, policies);
    expect(globalThis.__arpInjected).toBeUndefined();
    expect(exits).toEqual([]);
  });

  it("holds hostile text in IAM documents (as `arp import` brings them) and in names only as data, formatted as `arp compile` writes it", async () => {
    const role = compile({ path: "roles.arp", text: `role "R" { ${TRUST}\n policy P { allow apprunner:ListServices on * } }` });
    const written = await generateEvaluatorModule(role);
    const policies = hostileDocuments();
    const module = await generateEvaluator(policies, { moduleName: HOSTILE.join(" ") });
    expectOnlyData(module);
    expect(typeCheck({ "/virtual/evaluator.ts": module, "/virtual/role/evaluator.ts": written })).toEqual([]);
    expectSameDecisions(module, policies);
    const roleModule = loadEvaluator(written) as unknown as { evaluators: Record<string, { authorize(r: Request): string }> };
    expect(roleModule.evaluators.R!.authorize(requestsFor("x")[0]!)).toBe("Allow");
    expect(globalThis.__arpInjected).toBeUndefined();
    expect(exits).toEqual([]);
  });
});
