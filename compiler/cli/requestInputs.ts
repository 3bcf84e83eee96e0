/**
 * What `arp eval` and `arp why` check of a request typed on the command line, beyond its shape:
 * context values of the type their key has, global keys that exist, and resource ARNs that
 * name a real resource type. AWS builds request contexts itself, so a value no key can hold
 * (`aws:SecureTransport=maybe`) is a typo whose answer would mislead: it is a usage error, not
 * a decision.
 */
import { fitsFamily } from "../../runtime/valueShapes.js";
import type { ContextValue } from "../../runtime/types.js";
import type { OperatorFamily } from "../../runtime/operators/table.js";
import { loadCatalog, splitArn } from "../catalog/index.js";
import { suggestConditionKey } from "../catalog/suggest.js";
import { terminalText } from "../diagnostics/terminalText.js";
import { UsageError } from "./settings.js";

/** What each key type's values look like, by the operator family that reads them. */
const FAMILY_OF_TYPE: Readonly<Record<string, OperatorFamily>> = {
  Numeric: "Numeric",
  Date: "Date",
  Bool: "Bool",
  IPAddress: "IPAddress",
  Binary: "Binary",
};

const SHAPE: Readonly<Record<string, string>> = {
  Numeric: "a number",
  Date: "a date such as 2026-12-05T12:00:00Z",
  Bool: "true or false",
  IPAddress: "an IP address such as 203.0.113.7",
  Binary: "base-64 text",
};

/**
 * Refuses a context value its key's type cannot hold (a key with several types takes a value of
 * any of them) and warns about an `aws:` key that is not a global condition key.
 * @throws UsageError at the first value that does not fit.
 */
export function checkContextValues(context: Readonly<Record<string, ContextValue>>, warn: (line: string) => void): void {
  const catalog = loadCatalog();
  for (const [key, value] of Object.entries(context)) {
    const known = catalog.conditionKey(key);
    if (known === undefined) {
      if (key.toLowerCase().startsWith("aws:")) {
        const suggestion = suggestConditionKey(key);
        warn(`warning: --context ${terminalText(key)} is not a global condition key${suggestion === undefined ? "" : `; did you mean \`${suggestion}\`?`} (no policy arp compiles can read it)`);
      }
      continue;
    }
    const types = [known.type, ...(known.alternateTypes ?? [])].map((t) => t.replace(/^ArrayOf/, ""));
    const families = types.map((t) => FAMILY_OF_TYPE[t]);
    if (families.some((f) => f === undefined)) continue; // a String or ARN key holds any text
    for (const v of typeof value === "string" ? [value] : value) {
      if (!families.some((f) => f !== undefined && fitsFamily(f, v))) {
        const wanted = types.map((t) => SHAPE[t] ?? t).join(" or ");
        throw new UsageError(`--context ${key}=${v}: \`${known.name}\` holds ${wanted}`);
      }
    }
  }
}

/**
 * Refuses a resource ARN whose account is neither empty nor 12 digits, and an App Runner ARN
 * that matches none of App Runner's resource types.
 * @throws UsageError naming the ARN forms App Runner has.
 */
export function checkResourceArn(resource: string): void {
  const parts = splitArn(resource);
  if (parts === undefined) return;
  if (parts.account !== "" && parts.account !== "*" && !/^\d{12}$/.test(parts.account)) {
    throw new UsageError(`--resource ${resource}: the account field of an ARN is a 12-digit account ID, got \`${parts.account}\``);
  }
  if (parts.service.toLowerCase() !== "apprunner") return;
  const catalog = loadCatalog();
  if (catalog.resourceTypesForArn(resource, "apprunner").length > 0) return;
  const forms = catalog
    .resourceTypes("apprunner")
    .map((t) => t.arnTemplate)
    .filter((t) => t.includes(":apprunner:"));
  throw new UsageError(`--resource ${resource}: no App Runner resource has this ARN; the forms are ${forms.map((f) => `\`${f}\``).join(", ")}`);
}
