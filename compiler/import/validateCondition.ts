/**
 * Validates a statement's `Condition` element against IAM's grammar:
 * `{ "<operator>": { "<key>": value | [values] } }`, with operators spelled exactly as IAM
 * spells them and values that are strings, numbers or booleans.
 */
import { diagnostic } from "../../grammar/diagnostics/codes.js";
import type { Diagnostic } from "../../grammar/diagnostics/diagnostic.js";
import { parseIamOperator } from "./iamOperators.js";
import { spanFrom, wrongType } from "./jsonElements.js";
import type { JsonEntry, JsonNode } from "./jsonSource.js";
import type { ImportedTest, Located } from "./policyModel.js";

/** The tests of a Condition block in document order, or undefined when any is malformed. */
export function validateCondition(node: JsonNode, diagnostics: Diagnostic[]): ImportedTest[] | undefined {
  if (node.kind !== "object") return wrongType(node, "`Condition`", "an object of condition operators", diagnostics);
  const before = diagnostics.length;
  const tests: ImportedTest[] = [];
  const seenOperators = new Map<string, JsonEntry>();
  for (const entry of node.entries) {
    const prior = seenOperators.get(entry.key);
    if (prior !== undefined) {
      diagnostics.push(diagnostic("InvalidPolicyElement", entry.keySpan, `the operator \`${entry.key}\` appears twice in this \`Condition\``, {
        hint: "put all its keys in one block",
        related: [{ message: "first written here", span: prior.keySpan }],
      }));
    }
    seenOperators.set(entry.key, entry);
    tests.push(...operatorBlock(entry, diagnostics));
  }
  return diagnostics.slice(before).some((d) => d.severity === "error") ? undefined : tests;
}

function operatorBlock(entry: JsonEntry, diagnostics: Diagnostic[]): ImportedTest[] {
  const operator = parseIamOperator(entry.key);
  if (!("base" in operator)) {
    diagnostics.push(diagnostic("InvalidPolicyElement", entry.keySpan, operator.message, {
      ...(operator.suggestion !== undefined ? { hint: `did you mean \`${operator.suggestion}\`?` } : {}),
    }));
    return [];
  }
  const block = entry.value;
  if (block.kind !== "object") {
    wrongType(block, `the keys of \`${entry.key}\``, "an object of condition keys and values", diagnostics);
    return [];
  }
  const out: ImportedTest[] = [];
  const seenKeys = new Map<string, JsonEntry>();
  for (const test of block.entries) {
    const lower = test.key.toLowerCase();
    const prior = seenKeys.get(lower);
    if (prior !== undefined) {
      const same = prior.key === test.key;
      diagnostics.push(diagnostic("InvalidPolicyElement", test.keySpan,
        same ? `\`${test.key}\` appears twice in \`${entry.key}\`` : `\`${test.key}\` and \`${prior.key}\` are the same key: IAM ignores the case of condition keys`,
        { hint: "write the key once, with all its values", related: [{ message: "first written here", span: prior.keySpan }] }));
      continue;
    }
    seenKeys.set(lower, test);
    const values = conditionValues(test, entry.key, diagnostics);
    if (values === undefined) continue;
    out.push({
      operator,
      operatorSpan: entry.keySpan,
      key: { text: test.key, span: test.keySpan },
      values,
      span: spanFrom(test.keySpan, test.value.span),
    });
  }
  return out;
}

/** IAM reads a value as text; `true` and `3600` are the strings `"true"` and `"3600"`. */
function scalarText(node: JsonNode): string | undefined {
  switch (node.kind) {
    case "string":
      return node.value;
    case "number":
    case "boolean":
      return String(node.value);
    default:
      return undefined;
  }
}

function conditionValues(test: JsonEntry, operator: string, diagnostics: Diagnostic[]): Located[] | undefined {
  const what = `the value of \`${test.key}\` in \`${operator}\``;
  const node = test.value;
  const items = node.kind === "array" ? node.items : [node];
  if (node.kind === "array" && items.length === 0) {
    diagnostics.push(diagnostic("NotImportable", node.span, `${what} is an empty list, which no request can match`, {
      hint: "give at least one value, or remove the key",
    }));
    return undefined;
  }
  const out: Located[] = [];
  for (const item of items) {
    const text = scalarText(item);
    if (text === undefined) {
      return wrongType(item, node.kind === "array" ? `each value of \`${test.key}\`` : what, "a string, a number, a boolean or an array of them", diagnostics);
    }
    out.push({ text, span: item.span });
  }
  return out;
}
