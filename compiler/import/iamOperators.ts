/**
 * IAM's condition operators as data: each base operator with its key family and the arp
 * comparison it reads back as (the inverse of `compiler/check/operatorsForType.ts`). An
 * operator as written is `[ForAllValues:|ForAnyValue:]Base[IfExists]`; `Null` takes neither.
 */
import { closest, distance } from "fastest-levenshtein";
import type { CompareOperator } from "../../grammar/ast.js";
import { OPERATOR_TABLE, type OperatorRow } from "../../runtime/operators/index.js";
import type { KeyFamily } from "../check/operatorsForType.js";

/** What a base operator reads back as in arp. */
export type ArpTest =
  | { readonly kind: "compare"; readonly operator: CompareOperator; readonly ignoreCase: boolean }
  | { readonly kind: "null" };

export interface BaseOperator {
  readonly name: string;
  /** The key family the operator compares; undefined for `Null`, which takes any key. */
  readonly family: KeyFamily | undefined;
  readonly arp: ArpTest;
  /** Whether the operator holds when no value matches (`StringNotEquals`, `NotIpAddress`, ...). */
  readonly negated: boolean;
  /** Whether `IfExists` and a set qualifier may be added. */
  readonly qualifiers: boolean;
}

function readBack(row: OperatorRow): BaseOperator {
  if (row.arp === undefined) return { name: row.name, family: undefined, arp: { kind: "null" }, negated: row.negated, qualifiers: row.qualifiers };
  return {
    name: row.name,
    family: row.family as KeyFamily,
    arp: { kind: "compare", operator: row.arp, ignoreCase: row.ignoreCase },
    negated: row.negated,
    qualifiers: row.qualifiers,
  };
}

/** Every base operator, in the order IAM's reference lists them. */
export const BASE_OPERATORS: readonly BaseOperator[] = OPERATOR_TABLE.map(readBack);

const BY_NAME = new Map(BASE_OPERATORS.map((o) => [o.name, o]));

/** An operator as written, understood. */
export interface IamOperator {
  readonly written: string;
  readonly base: BaseOperator;
  readonly quantifier?: "ForAnyValue" | "ForAllValues";
  readonly ifExists: boolean;
}

/** The problem with an operator name, with a suggestion when one is close. */
export interface OperatorProblem {
  readonly message: string;
  readonly suggestion?: string;
}

const QUANTIFIERS = ["ForAllValues", "ForAnyValue"] as const;

/** Parses an operator exactly as IAM spells it; a different case is a problem with a suggestion. */
export function parseIamOperator(written: string): IamOperator | OperatorProblem {
  let rest = written;
  let quantifier: IamOperator["quantifier"];
  for (const q of QUANTIFIERS) {
    if (rest.startsWith(`${q}:`)) {
      quantifier = q;
      rest = rest.slice(q.length + 1);
      break;
    }
  }
  const ifExists = rest.endsWith("IfExists") && rest !== "IfExists";
  const base = BY_NAME.get(ifExists ? rest.slice(0, -"IfExists".length) : rest);
  if (base === undefined) return unknownOperator(written);
  if (!base.qualifiers && (ifExists || quantifier !== undefined)) {
    return { message: `\`${written}\` is not an IAM operator: \`${base.name}\` takes neither \`IfExists\` nor \`ForAllValues:\`/\`ForAnyValue:\``, suggestion: base.name };
  }
  return { written, base, ...(quantifier !== undefined ? { quantifier } : {}), ifExists };
}

/** Every spelling IAM accepts, for suggestions. */
function allSpellings(): string[] {
  const out: string[] = [];
  for (const b of BASE_OPERATORS) {
    if (!b.qualifiers) {
      out.push(b.name);
      continue;
    }
    for (const q of ["", "ForAllValues:", "ForAnyValue:"]) for (const s of ["", "IfExists"]) out.push(`${q}${b.name}${s}`);
  }
  return out;
}

let spellings: readonly string[] | undefined;

function unknownOperator(written: string): OperatorProblem {
  spellings ??= allSpellings();
  const sameLetters = spellings.find((s) => s.toLowerCase() === written.toLowerCase());
  if (sameLetters !== undefined) {
    return { message: `IAM spells this operator \`${sameLetters}\`, not \`${written}\``, suggestion: sameLetters };
  }
  const best = closest(written, spellings as string[]);
  const near = distance(written.toLowerCase(), best.toLowerCase()) <= Math.max(2, Math.floor(written.length / 4));
  return { message: `\`${written}\` is not an IAM condition operator`, ...(near ? { suggestion: best } : {}) };
}

/** The full name of a parsed operator (its canonical spelling). */
export function operatorText(op: Pick<IamOperator, "base" | "quantifier" | "ifExists">): string {
  return `${op.quantifier !== undefined ? `${op.quantifier}:` : ""}${op.base.name}${op.ifExists ? "IfExists" : ""}`;
}
