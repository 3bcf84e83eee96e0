/**
 * The standard library: ready `.arp` policies and roles shipped in `stdlib/`, such as AWS's
 * managed App Runner policies. Their names can be used (`use`, `attach`) from any file
 * without an import; a user's own definition of the same name takes precedence.
 */
import { readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { SourceFile } from "../grammar/ast.js";
import { parse } from "../grammar/parse.js";

export const STDLIB_DIR = fileURLToPath(new URL("../stdlib/", import.meta.url));

export interface Stdlib {
  readonly files: readonly SourceFile[];
  readonly texts: ReadonlyMap<string, string>;
}

/** Stdlib files are named `stdlib/<file>.arp` in spans and diagnostics. */
const STDLIB_PREFIX = "stdlib/";

export function isStdlibFile(path: string): boolean {
  return path.startsWith(STDLIB_PREFIX);
}

let cached: Stdlib | undefined;

/** Parses the stdlib once per process. A stdlib file that fails to parse is a packaging bug. */
export function loadStdlib(): Stdlib {
  if (cached !== undefined) return cached;
  const files: SourceFile[] = [];
  const texts = new Map<string, string>();
  const names = readdirSync(STDLIB_DIR).filter((n) => n.endsWith(".arp")).sort();
  for (const name of names) {
    const path = `${STDLIB_PREFIX}${name}`;
    const text = readFileSync(`${STDLIB_DIR}${name}`, "utf8");
    const parsed = parse(text, path);
    if (parsed.diagnostics.some((d) => d.severity === "error")) {
      throw new Error(`internal error: stdlib file ${path} does not parse: ${parsed.diagnostics[0]?.message}`);
    }
    files.push(parsed.ast);
    texts.set(path, text);
  }
  cached = { files, texts };
  return cached;
}

/**
 * The stdlib policies that are AWS managed policies: attaching one to a role attaches AWS's
 * own copy by ARN instead of inlining arp's.
 */
const AWS_MANAGED_PATHS: Readonly<Record<string, string>> = {
  awsapprunnerreadonlyaccess: "AWSAppRunnerReadOnlyAccess",
  awsapprunnerfullaccess: "AWSAppRunnerFullAccess",
  awsapprunnerservicepolicyforecraccess: "service-role/AWSAppRunnerServicePolicyForECRAccess",
};

/** The ARN of the AWS managed policy a stdlib name stands for, if it is one. */
export function awsManagedPolicyArn(name: string, partition: string): string | undefined {
  const path = AWS_MANAGED_PATHS[name.toLowerCase()];
  return path === undefined ? undefined : `arn:${partition}:iam::aws:policy/${path}`;
}
