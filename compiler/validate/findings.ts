/**
 * What the validator reports: a finding names the JSON path of the offending value, says what
 * IAM objects to and, where the documentation says it, which page.
 *
 * Severity: `error` is what IAM itself rejects (the document cannot be created or attached);
 * `warning` is what IAM accepts but Access Analyzer reports, or what cannot mean what it seems
 * to (a set operator missing on a multi-valued key, a variable IAM reads as text).
 */

/** The kinds of JSON arp writes and reads. */
export type IamDocumentKind = "identity" | "inline" | "trust" | "roleBundle" | "userBundle" | "groupBundle";

/** A JSON path from the document's root: object keys and array indexes. */
export type JsonPath = readonly (string | number)[];

export interface IamFinding {
  readonly severity: "error" | "warning";
  /** A stable name for the rule, e.g. `sid-characters`, for filtering and tests. */
  readonly rule: string;
  readonly path: JsonPath;
  readonly message: string;
  /** The IAM User Guide page (file name under `reference/iam/`) the rule comes from. */
  readonly docRef?: string;
}

/** Collects findings; each rule file reports through it. */
export class Findings {
  readonly list: IamFinding[] = [];

  error(rule: string, path: JsonPath, message: string, docRef?: string): void {
    this.list.push({ severity: "error", rule, path: [...path], message, ...(docRef !== undefined ? { docRef } : {}) });
  }

  warning(rule: string, path: JsonPath, message: string, docRef?: string): void {
    this.list.push({ severity: "warning", rule, path: [...path], message, ...(docRef !== undefined ? { docRef } : {}) });
  }
}

/**
 * The index of the statement a finding is about: `["Statement", 3, "Action", 0]` → 3, also
 * inside a role bundle (`["Policies", 1, "PolicyDocument", "Statement", 2]` → 2). A single
 * statement written as an object (`["Statement", "Effect"]`) is statement 0. Undefined for a
 * finding about the whole document (its size, `Version`).
 */
export function statementIndexOf(path: JsonPath): number | undefined {
  const at = path.lastIndexOf("Statement");
  if (at < 0) return undefined;
  const next = path[at + 1];
  if (typeof next === "number") return next;
  return next === undefined ? undefined : 0;
}

/**
 * Which document of a role bundle a finding is about: the trust policy, the inline policy at an
 * index of `Policies`, or the bundle itself (its name, description, managed policies, sizes).
 */
export function bundlePartOf(path: JsonPath): { readonly part: "trust" } | { readonly part: "inline"; readonly index: number } | { readonly part: "bundle" } {
  if (path[0] === "AssumeRolePolicyDocument") return { part: "trust" };
  if (path[0] === "Policies" && typeof path[1] === "number" && path[2] === "PolicyDocument") return { part: "inline", index: path[1] };
  return { part: "bundle" };
}

/** A path as text for messages: `Statement[3].Condition.StringEquals`. */
export function pathText(path: JsonPath): string {
  let out = "";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : out === "" ? p : `.${p}`;
  return out === "" ? "(document)" : out;
}
