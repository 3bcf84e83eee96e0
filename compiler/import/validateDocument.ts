/**
 * Validates a JSON value against IAM's policy grammar and reads it into the import model:
 * `Version`, `Id` and `Statement` at the top; `Sid`, `Effect`, `Action`/`NotAction`,
 * `Resource`/`NotResource`, `Principal`/`NotPrincipal` and `Condition` in each statement.
 * Everything IAM would reject is reported (ARP6002 for what is not a policy at all, ARP6003
 * for an element of the wrong type or name); nothing is guessed.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic, Span } from "../../grammar/diagnostics/diagnostic.js";
import { readEntries, readString, readStringList, wrongType } from "./jsonElements.js";
import { describeJson, type JsonEntry, type JsonNode, type JsonObject } from "./jsonSource.js";
import type { ImportedList, ImportedPolicy, ImportedPrincipal, ImportedStatement, Located, PrincipalField } from "./policyModel.js";
import { validateCondition } from "./validateCondition.js";

const DOCUMENT_ELEMENTS = ["Version", "Id", "Statement"] as const;
const STATEMENT_ELEMENTS = ["Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource", "NotResource", "Condition"] as const;
const PRINCIPAL_FIELDS: readonly PrincipalField[] = ["AWS", "Service", "Federated", "CanonicalUser"];
const VERSIONS = ["2012-10-17", "2008-10-17"] as const;
/** Where policies are often found wrapped: a role bundle, `aws iam get-...` output. */
const WRAPPERS = ["AssumeRolePolicyDocument", "PolicyDocument", "Document", "Policy", "PolicyVersion"];
const SID = /^[A-Za-z0-9]*$/;

/** The policy, or undefined when anything IAM would reject was found (all of it reported). */
export function validateDocument(root: JsonNode, diagnostics: Diagnostic[]): ImportedPolicy | undefined {
  if (root.kind !== "object") {
    diagnostics.push(diagnostic("NotAPolicy", root.span, `an IAM policy document is a JSON object, not ${describeJson(root)}`, {
      hint: 'write `{ "Version": "2012-10-17", "Statement": [ ... ] }`',
    }));
    return undefined;
  }
  const wrapper = root.entries.find((e) => WRAPPERS.includes(e.key));
  if (!root.entries.some((e) => e.key === "Statement")) {
    // IAM's element names are case-sensitive: `statement` is a misspelt policy, not another JSON.
    const misspelt = root.entries.find((e) => e.key.toLowerCase() === "statement");
    if (misspelt !== undefined) {
      diagnostics.push(diagnostic("InvalidPolicyElement", misspelt.keySpan, `\`${misspelt.key}\` is not an element of a policy document`, { hint: "IAM spells it `Statement`" }));
      return undefined;
    }
    diagnostics.push(diagnostic("NotAPolicy", wrapper?.keySpan ?? headSpan(root), "this JSON has no `Statement`: it is not an IAM policy document", {
      hint: wrapper !== undefined ? `import the document inside \`${wrapper.key}\`` : 'a policy is `{ "Version": "2012-10-17", "Statement": [ ... ] }`',
    }));
    return undefined;
  }
  const before = diagnostics.length;
  const entries = readEntries(root, DOCUMENT_ELEMENTS, "a policy document", diagnostics);
  const version = readVersion(entries.get("Version"), diagnostics);
  const idEntry = entries.get("Id");
  const id = idEntry === undefined ? undefined : readString(idEntry.value, "`Id`", diagnostics);
  const statements = readStatements(entries.get("Statement") as JsonEntry, diagnostics);
  if (statements === undefined || hasNewErrors(diagnostics, before)) return undefined;
  const kind = policyKind(statements);
  checkKind(kind, statements, diagnostics);
  if (hasNewErrors(diagnostics, before)) return undefined;
  const named = renameSids(statements, diagnostics);
  return { kind, ...(version !== undefined ? { version } : {}), ...(id !== undefined ? { id } : {}), statements: named, span: root.span };
}

function hasNewErrors(diagnostics: readonly Diagnostic[], before: number): boolean {
  return diagnostics.slice(before).some((d) => d.severity === "error");
}

/** The first character of a node, for diagnostics about a whole object. */
function headSpan(node: { readonly span: Span }): Span {
  return { ...node.span, end: node.span.start + 1 };
}

function readVersion(entry: JsonEntry | undefined, diagnostics: Diagnostic[]): ImportedPolicy["version"] {
  if (entry === undefined) return undefined;
  const text = readString(entry.value, "`Version`", diagnostics);
  if (text === undefined) return undefined;
  const known = VERSIONS.find((v) => v === text.text);
  if (known === undefined) {
    diagnostics.push(diagnostic("InvalidPolicyElement", text.span, `\`${text.text}\` is not an IAM policy language version`, {
      hint: 'use `"2012-10-17"`, the current version',
    }));
  }
  return known;
}

function readStatements(entry: JsonEntry, diagnostics: Diagnostic[]): ImportedStatement[] | undefined {
  const node = entry.value;
  const items = node.kind === "array" ? node.items : node.kind === "object" ? [node] : undefined;
  if (items === undefined) return wrongType(node, "`Statement`", "an object or an array of objects", diagnostics);
  if (items.length === 0) {
    diagnostics.push(diagnostic("InvalidPolicyElement", node.span, "`Statement` is empty: a policy needs at least one statement"));
    return undefined;
  }
  const out: ImportedStatement[] = [];
  let ok = true;
  for (const item of items) {
    const s = item.kind === "object" ? readStatement(item, diagnostics) : wrongType(item, "each statement", "an object", diagnostics);
    if (s === undefined) ok = false;
    else out.push(s);
  }
  return ok ? out : undefined;
}

function readStatement(obj: JsonObject, diagnostics: Diagnostic[]): ImportedStatement | undefined {
  const before = diagnostics.length;
  const entries = readEntries(obj, STATEMENT_ELEMENTS, "a statement", diagnostics);
  const sidEntry = entries.get("Sid");
  const sid = sidEntry === undefined ? undefined : readSid(sidEntry.value, diagnostics);
  const effect = readEffect(obj, entries.get("Effect"), diagnostics);
  const actions = readPair(obj, entries, "Action", "NotAction", true, diagnostics);
  const resources = readPair(obj, entries, "Resource", "NotResource", false, diagnostics);
  exclusive(entries, "Principal", "NotPrincipal", diagnostics);
  const principalEntry = entries.get("Principal");
  const principal = principalEntry === undefined ? undefined : readPrincipal(principalEntry, diagnostics);
  const notPrincipalEntry = entries.get("NotPrincipal");
  if (notPrincipalEntry !== undefined) readPrincipal(notPrincipalEntry, diagnostics);
  const conditionEntry = entries.get("Condition");
  const tests = conditionEntry === undefined ? [] : validateCondition(conditionEntry.value, diagnostics);
  if (hasNewErrors(diagnostics, before) || effect === undefined || actions === undefined || tests === undefined) return undefined;
  return {
    ...(sid !== undefined ? { sid } : {}),
    effect: effect.text as "Allow" | "Deny",
    effectSpan: effect.span,
    ...(principal !== undefined ? { principal } : {}),
    ...(notPrincipalEntry !== undefined ? { notPrincipalSpan: notPrincipalEntry.keySpan } : {}),
    actions,
    ...(resources !== undefined ? { resources } : {}),
    tests,
    span: obj.span,
  };
}

function readEffect(obj: JsonObject, entry: JsonEntry | undefined, diagnostics: Diagnostic[]): Located | undefined {
  if (entry === undefined) {
    diagnostics.push(diagnostic("InvalidPolicyElement", headSpan(obj), "this statement has no `Effect`", {
      hint: 'add `"Effect": "Allow"` or `"Effect": "Deny"`',
    }));
    return undefined;
  }
  const effect = readString(entry.value, "`Effect`", diagnostics);
  if (effect === undefined) return undefined;
  if (effect.text === "Allow" || effect.text === "Deny") return effect;
  const fixed = /^allow$/i.test(effect.text) ? "Allow" : /^deny$/i.test(effect.text) ? "Deny" : undefined;
  diagnostics.push(diagnostic("InvalidPolicyElement", effect.span, `\`Effect\` is \`Allow\` or \`Deny\`, not \`${effect.text}\``, {
    ...(fixed !== undefined ? { hint: `IAM spells it \`${fixed}\`` } : {}),
  }));
  return undefined;
}

/** Reports a statement that has both elements of a pair; returns true when it has both. */
function exclusive(entries: ReadonlyMap<string, JsonEntry>, name: string, negated: string, diagnostics: Diagnostic[]): boolean {
  const a = entries.get(name);
  const b = entries.get(negated);
  if (a === undefined || b === undefined) return false;
  diagnostics.push(diagnostic("InvalidPolicyElement", b.keySpan, `a statement has \`${name}\` or \`${negated}\`, not both`, {
    related: [{ message: `\`${name}\` is here`, span: a.keySpan }],
  }));
  return true;
}

/** `Action`/`NotAction` or `Resource`/`NotResource`; `required` reports a statement with neither. */
function readPair(
  obj: JsonObject,
  entries: ReadonlyMap<string, JsonEntry>,
  name: "Action" | "Resource",
  negated: "NotAction" | "NotResource",
  required: boolean,
  diagnostics: Diagnostic[],
): ImportedList | undefined {
  if (exclusive(entries, name, negated, diagnostics)) return undefined;
  const entry = entries.get(name) ?? entries.get(negated);
  if (entry === undefined) {
    if (required) {
      diagnostics.push(diagnostic("InvalidPolicyElement", headSpan(obj), `this statement has neither \`${name}\` nor \`${negated}\``, {
        hint: `IAM requires one of them, e.g. \`"${name}": "apprunner:List*"\``,
      }));
    }
    return undefined;
  }
  const items = readStringList(entry.value, `\`${entry.key}\``, diagnostics);
  if (items === undefined) return undefined;
  return { not: entry.key === negated, items, span: entry.value.span, keySpan: entry.keySpan };
}

function readPrincipal(entry: JsonEntry, diagnostics: Diagnostic[]): ImportedPrincipal | undefined {
  const node = entry.value;
  if (node.kind === "string") {
    if (node.value === "*") return { anyone: true, entries: [], span: node.span, keySpan: entry.keySpan };
    diagnostics.push(diagnostic("InvalidPolicyElement", node.span, `\`${entry.key}\` is \`"*"\` or an object such as \`{ "Service": "..." }\`, not \`"${node.value}"\``, {
      hint: '`{ "AWS": "arn:aws:iam::111122223333:root" }` names an account',
    }));
    return undefined;
  }
  const name = `\`${entry.key}\``;
  if (node.kind !== "object") return wrongType(node, name, '`"*"` or an object', diagnostics);
  const fields = readEntries(node, PRINCIPAL_FIELDS, name, diagnostics);
  if (node.entries.length === 0) {
    diagnostics.push(diagnostic("InvalidPolicyElement", node.span, `${name} names no principal`));
    return undefined;
  }
  const out: { field: PrincipalField; value: Located }[] = [];
  for (const [field, e] of fields) {
    const values = readStringList(e.value, `\`${entry.key}.${field}\``, diagnostics);
    for (const value of values ?? []) out.push({ field: field as PrincipalField, value });
  }
  return { anyone: false, entries: out, span: node.span, keySpan: entry.keySpan };
}

/** A trust policy names principals and no resource; anything else is read as an identity policy. */
function policyKind(statements: readonly ImportedStatement[]): ImportedPolicy["kind"] {
  const principals = statements.some((s) => s.principal !== undefined || s.notPrincipalSpan !== undefined);
  const resources = statements.some((s) => s.resources !== undefined);
  return principals && !resources ? "trust" : "identity";
}

function checkKind(kind: ImportedPolicy["kind"], statements: readonly ImportedStatement[], diagnostics: Diagnostic[]): void {
  for (const s of statements) {
    if (kind === "identity" && s.resources === undefined) {
      diagnostics.push(diagnostic("InvalidPolicyElement", headSpan(s), "this statement has neither `Resource` nor `NotResource`", {
        hint: 'an identity policy statement needs one, e.g. `"Resource": "*"`',
      }));
    }
    if (kind === "trust" && s.principal === undefined && s.notPrincipalSpan === undefined) {
      diagnostics.push(diagnostic("InvalidPolicyElement", headSpan(s), "this trust policy statement has no `Principal`", {
        hint: 'a trust policy names who may assume the role, e.g. `"Principal": { "Service": "build.apprunner.amazonaws.com" }`',
      }));
    }
  }
}

/** A `Sid` as written; one IAM rejects is renamed by {@link renameSids}. */
function readSid(node: JsonNode, diagnostics: Diagnostic[]): Located | undefined {
  return readString(node, "`Sid`", diagnostics);
}

/**
 * Sids with characters IAM rejects ("The `Sid` element supports ASCII uppercase letters
 * (A-Z), lowercase letters (a-z), and numbers (0-9)") are renamed to their letters and digits,
 * unique within the policy, with a warning: a Sid changes no decision, and IAM would accept
 * the policy only so.
 */
/**
 * Sids IAM rejects, renamed: one with characters other than letters and digits to those, and a
 * repeated one ("In IAM, the `Sid` value must be unique within a JSON policy") to itself with a
 * number. arp's labels are unique ignoring case, so `Read` and `read` are a repeat too. A Sid
 * changes no decision; an empty one is dropped later and repeats nothing.
 */
function renameSids(statements: readonly ImportedStatement[], diagnostics: Diagnostic[]): ImportedStatement[] {
  const first = new Map<string, Located>();
  for (const s of statements) {
    if (s.sid !== undefined && s.sid.text !== "" && SID.test(s.sid.text) && !first.has(s.sid.text.toLowerCase())) first.set(s.sid.text.toLowerCase(), s.sid);
  }
  const taken = new Set(first.keys());
  return statements.map((s) => {
    if (s.sid === undefined || s.sid.text === "") return s;
    const valid = SID.test(s.sid.text);
    const prior = first.get(s.sid.text.toLowerCase());
    if (valid && prior === s.sid) return s;
    const base = s.sid.text.replace(/[^A-Za-z0-9]/g, "") || "Statement";
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    taken.add(name.toLowerCase());
    if (!valid) {
      diagnostics.push(diagnostic("RenamedSid", s.sid.span, `IAM accepts only letters and digits in a \`Sid\`: \`${s.sid.text}\` is imported as \`${name}\``, {
        hint: "a Sid changes no decision; IAM rejects the policy with the Sid as written",
      }));
    } else {
      const same = prior !== undefined && prior.text === s.sid.text;
      diagnostics.push(diagnostic("RenamedSid", s.sid.span,
        `${same ? `the \`Sid\` \`${s.sid.text}\` is already used in this policy` : `\`${s.sid.text}\` differs only in case from the \`Sid\` \`${prior?.text ?? ""}\``}: it is imported as \`${name}\``, {
          hint: same ? "a Sid changes no decision; IAM requires each Sid to be unique within a policy" : "a Sid changes no decision; arp's statement labels are unique ignoring case",
          ...(prior !== undefined ? { related: [{ message: "first used here", span: prior.span }] } : {}),
        }));
    }
    return { ...s, sid: { text: name, span: s.sid.span } };
  });
}
