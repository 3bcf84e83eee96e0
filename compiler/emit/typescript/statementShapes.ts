/**
 * Compact statements for large policy sets. Policy sets grow by repeating a few statement
 * templates with other names, tags and CIDRs, so most statement functions differ only in their
 * string literals and hoisted constants. Those share one factory per shape (the code with the
 * differing values as parameters), and each statement is one call of its factory in the
 * statement table: a few dozen bytes a statement instead of a kilobyte of repeated code. The
 * closures a factory returns share their compiled code, so deciding is as fast as before.
 */
import type { EmitContext } from "./emitContext.js";
import { lit } from "./emitContext.js";

/** A statement function as parts: its doc comment, parameter list and body. */
export interface StatementFunction {
  readonly comment: string;
  readonly name: string;
  readonly params: string;
  readonly body: string;
}

/** A value in a body that may differ between statements of one shape. */
interface Hole {
  readonly text: string;
  /** `""` for a string literal; the constant's prefix (`GLOB`, `EXPECTED`, ...) otherwise. */
  readonly kind: string;
}

interface Split {
  /** The body with every hole cut out: `fixed.length === holes.length + 1`. */
  readonly fixed: readonly string[];
  readonly holes: readonly Hole[];
}

/** A string literal (the emitters quote with JSON) or a hoisted constant such as `GLOB12`. */
const HOLE = /"(?:[^"\\\n]|\\.)*"|\b([A-Z]+)\d+\b|`(?:[^`\\]|\\.)*`|\/\/[^\n]*|\/\*[^]*?\*\//g;

function split(body: string): Split {
  const fixed: string[] = [];
  const holes: Hole[] = [];
  let from = 0;
  for (const m of body.matchAll(HOLE)) {
    const text = m[0];
    // Template literals and comments stay part of the shape.
    if (text.startsWith("`") || text.startsWith("/")) continue;
    fixed.push(body.slice(from, m.index));
    holes.push({ text, kind: m[1] ?? "" });
    from = m.index + text.length;
  }
  fixed.push(body.slice(from));
  return { fixed, holes };
}

/** What statements of one shape share: parameters and the fixed code between holes. */
function shapeKey(f: StatementFunction, s: Split): string {
  return [f.params, ...s.fixed.map((t, i) => (i < s.holes.length ? `${t}\u0000${s.holes[i]!.kind}\u0000` : t))].join("\u0001");
}

/** The TypeScript type of a parameter taking the values `values` (literals or constants). */
function parameterType(kind: string, values: readonly string[], ctx: EmitContext): string {
  if (kind === "") return values.length <= 4 ? values.join(" | ") : "string";
  return [...new Set(values.map((v) => ctx.constantType(v)))].join(" | ");
}

const STATEMENT_TYPE = "(q: View, why: Why | null) => boolean";

/** Compact statements: factories every set shares, and each set's own functions and table. */
export interface CompactStatements {
  /** The shape factories, module-level: their code reads only the request and module constants. */
  readonly shared: readonly string[];
  /** Per set: the statements of a shape of their own, as plain functions, then `STATEMENTS`. */
  readonly perSet: readonly (readonly string[])[];
}

/**
 * The statement functions of each set (`sets`) in compact form: a shape that several
 * statements share, in any set, becomes one factory `shapeN(p0, p1, ...)`, called once per
 * statement in its set's table; a statement of its own shape stays a plain function.
 */
export function emitStatementShapes(sets: readonly (readonly StatementFunction[])[], ctx: EmitContext): CompactStatements {
  const functions = sets.flat();
  const splits = functions.map((f) => split(f.body));
  const groups = new Map<string, number[]>();
  functions.forEach((f, i) => {
    const key = shapeKey(f, splits[i]!);
    const members = groups.get(key);
    if (members === undefined) groups.set(key, [i]);
    else members.push(i);
  });
  // A constant only one statement reads is written into its table entry: the declaration
  // would cost more than the value.
  const reads = new Map<string, number>();
  for (const sp of splits) for (const hole of sp.holes) if (hole.kind !== "") reads.set(hole.text, (reads.get(hole.text) ?? 0) + 1);
  const argument = (hole: Hole): string => (hole.kind !== "" && reads.get(hole.text) === 1 ? ctx.constantInitializer(hole.text) : hole.text);
  const shared: string[] = [];
  const solo = new Set<number>();
  const entries: string[] = functions.map((f) => f.name);
  for (const members of groups.values()) {
    if (members.length === 1) {
      solo.add(members[0]!);
      continue;
    }
    const first = functions[members[0]!]!;
    const shape = splits[members[0]!]!;
    // A hole whose value is the same in every member stays in the code.
    const varying = shape.holes.map((_, h) => members.some((m) => splits[m]!.holes[h]!.text !== shape.holes[h]!.text));
    const params: string[] = [];
    const code: string[] = [];
    // Holes whose values agree in every member (a literal a statement writes twice) share one
    // parameter, named by the first of them.
    const byValues = new Map<string, string>();
    const used: number[] = [];
    shape.holes.forEach((hole, h) => {
      code.push(shape.fixed[h]!);
      if (!varying[h]) {
        code.push(hole.text);
        return;
      }
      const key = `${hole.kind}\u0000${members.map((m) => splits[m]!.holes[h]!.text).join("\u0000")}`;
      const shared = byValues.get(key);
      if (shared !== undefined) {
        code.push(shared);
        return;
      }
      const name = `p${params.length}`;
      byValues.set(key, name);
      used.push(h);
      const values = [...new Set(members.map((m) => splits[m]!.holes[h]!.text))].sort();
      params.push(`${name}: ${parameterType(hole.kind, values, ctx)}`);
      code.push(name);
    });
    code.push(shape.fixed[shape.holes.length]!);
    const factory = `shape${shared.length}`;
    shared.push(
      `/** ${members.length} statements alike but for their values, such as ${lit(first.name)}. */\n` +
        `function ${factory}(${params.join(", ")}): ${STATEMENT_TYPE} {\nreturn (${first.params}): boolean => {\n${code.join("")}\n};\n}`,
    );
    for (const m of members) entries[m] = `${factory}(${used.map((h) => argument(splits[m]!.holes[h]!)).join(", ")})`;
  }
  let from = 0;
  const perSet = sets.map((set) => {
    const at = set.map((_, k) => from + k);
    from += set.length;
    const own = at.filter((i) => solo.has(i)).map((i) => {
      const f = functions[i]!;
      return `${f.comment}\nfunction ${f.name}(${f.params}): boolean {\n${f.body}\n}`;
    });
    return [...own, `const STATEMENTS: readonly (${STATEMENT_TYPE})[] = [${at.map((i) => entries[i]!).join(",\n")}];`];
  });
  return { shared, perSet };
}
