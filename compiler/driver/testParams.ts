/**
 * Which `account`, `region` and `partition` a test's requests are built with. A request is
 * made against the policies under test, so it uses their files' parameters, not the test
 * file's: a test in `tests.arp` that imports `proj.arp` (with `param account = "111122223333"`)
 * must not ask about account `123456789012`, where a deny expectation would pass vacuously.
 */
import type { SourceFile, TestDecl } from "../../grammar/ast.js";
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { CheckContext, ParamValue } from "../check/context.js";
import type { Program } from "./program.js";
import type { TestTarget } from "./checkProgram.js";

const BUILT_IN = ["partition", "account", "region"] as const;

function fileOf(target: TestTarget): SourceFile {
  switch (target.kind) {
    case "policy":
      return target.policy.file;
    case "role":
      return target.role.file;
    case "user":
      return target.user.file;
  }
}

/**
 * The test file's context with each built-in parameter taken from the targets' files where
 * those give a concrete value. Targets (or the test file) that give different concrete values
 * are reported: no one request can be right for both.
 */
export function targetContext(program: Program, file: SourceFile, test: TestDecl, targets: readonly TestTarget[]): CheckContext {
  const own = program.contextOf(file);
  const files = [...new Set(targets.map(fileOf))].filter((f) => f !== file);
  if (files.length === 0) return own;
  const params = new Map<string, ParamValue>(own.params);
  for (const name of BUILT_IN) {
    const values = new Map<string, string>();
    for (const f of files) {
      const v = program.contextOf(f).params.get(name)?.value;
      if (v !== undefined && v !== "" && !v.includes("*")) values.set(v, f.span.file);
    }
    const mine = own.params.get(name)?.value;
    if (mine !== undefined && mine !== "" && !mine.includes("*") && values.size > 0 && !values.has(mine)) values.set(mine, file.span.file);
    if (values.size > 1) {
      const list = [...values].map(([v, f]) => `\`${v}\` (${f})`).join(", ");
      program.diagnostics.push(diagnostic("InvalidTestRequest", test.name.span,
        `the policies this test evaluates and its file disagree on \`${name}\`: ${list}`, {
          hint: `declare the same \`param ${name}\` in each file, or set it for all: \`--set ${name}=VALUE\``,
        }));
      continue;
    }
    const [value] = [...values.keys()];
    if (value !== undefined) params.set(name, { name, value });
  }
  return { ...own, params };
}
