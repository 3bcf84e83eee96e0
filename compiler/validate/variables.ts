/**
 * Policy variables (`${aws:username}`, `${aws:PrincipalTag/team, 'none'}`) and IAM's escapes
 * (`${*}`, `${?}`, `${$}`), found in a string the way reference_policies_variables.md
 * describes them: "To add a default value to a variable, surround the default value with
 * single quotes (' '), and separate the variable text and the default value with a comma and
 * space (, )."
 */

export interface VariableUse {
  /** Offset of `$` in the string. */
  readonly start: number;
  /** Offset just past `}`; the string's length when there is no `}`. */
  readonly end: number;
  /** The text between `${` and `}` (or to the end). */
  readonly inner: string;
  readonly closed: boolean;
}

/** Every `${...}` of `text`, in order. */
export function variableUses(text: string): VariableUse[] {
  const out: VariableUse[] = [];
  let from = 0;
  while (true) {
    const start = text.indexOf("${", from);
    if (start < 0) return out;
    const close = text.indexOf("}", start + 2);
    if (close < 0) {
      out.push({ start, end: text.length, inner: text.slice(start + 2), closed: false });
      return out;
    }
    out.push({ start, end: close + 1, inner: text.slice(start + 2, close), closed: true });
    from = close + 1;
  }
}

const ESCAPES = new Set(["*", "?", "$"]);
const NAME = /^[A-Za-z0-9._-]+:[^\s,']+$/;
const WITH_DEFAULT = /^([^\s,']+), '([^']*)'$/;

/** What is wrong with one `${...}`, per Access Analyzer's variable checks; undefined when fine. */
export function variableProblem(use: VariableUse): string | undefined {
  if (!use.closed) return "this `${` has no closing `}` (Access Analyzer: Missing brace in variable)";
  const inner = use.inner;
  if (ESCAPES.has(inner)) return undefined;
  if (inner.trim() === "") return "`${}` names no variable (Access Analyzer: Empty variable)";
  const name = WITH_DEFAULT.exec(inner)?.[1] ?? inner;
  if (/\s/.test(name)) return `\`\${${inner}}\`: a variable name holds no space (Access Analyzer: Unsupported space in variable)`;
  if (inner.includes(",") && WITH_DEFAULT.exec(inner) === null) {
    return `\`\${${inner}}\`: a default value is written \`, 'value'\` (Access Analyzer: Missing quote in variable)`;
  }
  if (!NAME.test(name)) return `\`\${${inner}}\` is not a policy variable: it names a condition key with its prefix, such as \`\${aws:username}\``;
  return undefined;
}

/** True for a `${...}` IAM substitutes (a variable, not one of the escapes). */
export function isSubstituted(use: VariableUse): boolean {
  return !ESCAPES.has(use.inner);
}
