/**
 * Random arp conditions for the lowering property: `and`/`or`/`not` trees of an exact depth
 * (at least 3) over tests of every operator family, with `if exists`, `ignoring case`,
 * `any`/`all`, `within`/`include` and policy variables, and their `.arp` source text.
 */
import fc from "fast-check";
import type { Atom, CompareOp, Cond, PolicyValue } from "./conditionModel.js";
import { keysOf } from "./conditionModel.js";
import { ACTIONS, KEYS, domainSize, type KeySpec } from "./requestDomain.js";

/** Cases whose request domain is larger than this are not generated (they would dominate the time). */
export const MAX_DOMAIN = 6000;

const OPS_BY_FAMILY: Readonly<Record<KeySpec["family"], readonly CompareOp[]>> = {
  String: ["=", "!=", "like", "not like", "in", "not in"],
  ARN: ["=", "!=", "like", "not like", "in", "not in"],
  Numeric: ["=", "!=", "<", "<=", ">", ">=", "in", "not in"],
  Date: ["=", "!=", "<", "<=", ">", ">=", "in", "not in"],
  Bool: ["="],
  IP: ["=", "!=", "in", "not in"],
};

const literal = (text: string): PolicyValue => ({ kind: "literal", text });

/** Values fit for `op` on `key`: patterns for `like`, literals and variables otherwise. */
function valuePool(key: KeySpec, op: CompareOp): PolicyValue[] {
  const like = op === "like" || op === "not like";
  const literals = (like ? key.patterns ?? [] : key.literals).map(literal);
  const variables = (key.variables ?? []).filter((v) => like || !v.pattern).map((variable) => ({ kind: "variable" as const, variable }));
  return [...literals, ...variables];
}

function compareArb(key: KeySpec): fc.Arbitrary<Atom> {
  return fc.constantFrom(...OPS_BY_FAMILY[key.family]).chain((op) => {
    const pool = valuePool(key, op);
    const isList = op === "in" || op === "not in";
    const ordered = ["<", "<=", ">", ">="].includes(op);
    const values = isList
      ? fc.uniqueArray(fc.constantFrom(...pool), { minLength: 1, maxLength: Math.min(3, pool.length) })
      : fc.constantFrom(...pool).map((v) => [v]);
    const caseFree = key.family === "String" && op !== "like" && op !== "not like";
    return fc.record({
      values,
      ignoreCase: caseFree ? fc.boolean() : fc.constant(false),
      ifExists: fc.oneof({ weight: 3, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) }),
      // S5: a multi-valued key needs `any`/`all`; now and then leave it out, which arp must refuse (ARP3003).
      quantifier: key.multi
        ? fc.oneof({ weight: 30, arbitrary: fc.constantFrom("any" as const, "all" as const) }, { weight: 1, arbitrary: fc.constant(undefined) })
        : fc.constant(undefined),
      sugar: key.iam === "aws:TagKeys" && op === "in"
        ? fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) })
        : fc.constant(false),
    }).map(({ values, ignoreCase, ifExists, quantifier, sugar }): Atom => {
      const within = sugar && quantifier !== undefined && !ignoreCase;
      return {
        kind: "compare", key, op, values, ignoreCase,
        list: isList || (!ordered && values.length > 1),
        ifExists: within ? false : ifExists,
        ...(quantifier !== undefined ? { quantifier } : {}),
        ...(within ? { sugar: quantifier === "all" ? ("within" as const) : ("include" as const) } : {}),
      };
    });
  });
}

function atomArb(keys: readonly KeySpec[]): fc.Arbitrary<Atom> {
  return fc.constantFrom(...keys).chain((key) => {
    const options: fc.WeightedArbitrary<Atom>[] = [
      { weight: 6, arbitrary: compareArb(key) },
      { weight: 1, arbitrary: fc.boolean().map((missing): Atom => ({ kind: "exists", key, missing })) },
    ];
    // A bare boolean key; on a multi-valued one it is an error (S5), so rarely.
    if (key.family === "Bool") options.push({ weight: key.multi ? 1 : 4, arbitrary: fc.constant<Atom>({ kind: "truthy", key }) });
    return fc.oneof(...options);
  });
}

/** A tree whose depth (connectives on its longest path) is exactly `depth`. */
function treeArb(keys: readonly KeySpec[], depth: number): fc.Arbitrary<Cond> {
  const atom = atomArb(keys);
  if (depth === 0) return atom;
  const deep = treeArb(keys, depth - 1);
  const side: fc.Arbitrary<Cond> = depth >= 2
    ? fc.oneof({ weight: 4, arbitrary: atom }, { weight: 1, arbitrary: treeArb(keys, 1) })
    : atom;
  const junction = fc.record({
    kind: fc.constantFrom("and" as const, "or" as const),
    deep,
    others: fc.array(side, { minLength: 1, maxLength: 2 }),
    at: fc.nat(2),
  }).map(({ kind, deep, others, at }): Cond => {
    const operands = [...others];
    operands.splice(Math.min(at, operands.length), 0, deep);
    return { kind, operands };
  });
  return fc.oneof(
    { weight: 1, arbitrary: deep.map((operand): Cond => ({ kind: "not", operand })) },
    { weight: 3, arbitrary: junction },
  );
}

/** A condition of depth 3 or 4 over two to four keys (plus its variables' keys). */
export const conditionArb: fc.Arbitrary<Cond> = fc
  .tuple(fc.shuffledSubarray([...KEYS], { minLength: 2, maxLength: 4 }), fc.constantFrom(3, 4))
  .chain(([keys, depth]) => treeArb(keys, depth))
  .filter((cond) => domainSize(keysOf(cond)) <= MAX_DOMAIN);

/** Connectives on the longest path from the root to a test. */
export function depthOf(cond: Cond): number {
  if (cond.kind === "not") return 1 + depthOf(cond.operand);
  if (cond.kind === "and" || cond.kind === "or") return 1 + Math.max(...cond.operands.map(depthOf));
  return 0;
}

// ---- `.arp` source ---------------------------------------------------------------------------

function valueText(key: KeySpec, value: PolicyValue): string {
  if (value.kind === "variable") return value.variable.arp;
  if (key.family === "Numeric" || key.family === "Bool" || (key.family === "Date" && /^\d+$/.test(value.text))) return value.text;
  return JSON.stringify(value.text);
}

function atomText(atom: Atom): string {
  if (atom.kind === "exists") return `${atom.key.arp} ${atom.missing ? "missing" : "exists"}`;
  if (atom.kind === "truthy") return atom.key.arp;
  const values = atom.values.map((v) => valueText(atom.key, v));
  const value = atom.list ? `[${values.join(", ")}]` : values[0]!;
  if (atom.sugar !== undefined) return `${atom.key.arp} ${atom.sugar} ${value}`;
  return [
    ...(atom.quantifier !== undefined ? [atom.quantifier] : []),
    atom.key.arp, atom.op, value,
    ...(atom.ignoreCase ? ["ignoring case"] : []),
    ...(atom.ifExists ? ["if exists"] : []),
  ].join(" ");
}

/** `.arp` text of a condition; `and` binds tighter than `or`, `not` tighter than both. */
export function conditionText(cond: Cond): string {
  switch (cond.kind) {
    case "not": {
      const inner = conditionText(cond.operand);
      return cond.operand.kind === "and" || cond.operand.kind === "or" ? `not (${inner})` : `not ${inner}`;
    }
    case "and":
    case "or":
      return cond.operands
        .map((o) => {
          const inner = conditionText(o);
          const bare = o.kind === "not" || (o.kind !== "and" && o.kind !== "or") || (cond.kind === "or" && o.kind === "and");
          return bare ? inner : `(${inner})`;
        })
        .join(` ${cond.kind} `);
    default:
      return atomText(cond);
  }
}

/**
 * Two policies around one condition: `Allow` holds exactly when it does; `Deny` denies exactly
 * when it does, beside an allow of everything.
 */
export function policySource(cond: Cond): string {
  const actions = ACTIONS.join(", ");
  const when = conditionText(cond);
  return [
    `policy AllowWhen {`,
    `  allow ${actions} on * when ${when}`,
    `}`,
    `policy DenyWhen {`,
    `  allow ${actions} on *`,
    `  deny ${actions} on * when ${when}`,
    `}`,
    ``,
  ].join("\n");
}
