/**
 * The standard library: ready `.arp` policies and roles shipped in `stdlib/`, such as AWS's
 * managed App Runner policies. Their names can be used (`use`, `attach`) from any file
 * without an import; a user's own definition of the same name takes precedence.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { SourceFile } from "../grammar/ast.js";
import { parse } from "../grammar/parse.js";

/** The name in arp's own package.json, which marks the package root. */
const PACKAGE_NAME = "arp";

/**
 * arp's package root, found by walking up from this module to the package.json named `arp`.
 * This module runs from `compiler/stdlib.ts` (sources under tsx or vitest) and from
 * `dist/compiler/stdlib.js` (the built package), at different depths; the caller's working
 * directory plays no part.
 */
function packageRoot(from: string): string {
  for (let dir = dirname(from); ; dir = dirname(dir)) {
    const manifest = join(dir, "package.json");
    if (existsSync(manifest) && (JSON.parse(readFileSync(manifest, "utf8")) as { name?: unknown }).name === PACKAGE_NAME) {
      return dir;
    }
    if (dirname(dir) === dir) throw new Error(`internal error: no ${PACKAGE_NAME} package.json above ${from}`);
  }
}

/** The directory of the stdlib's `.arp` files, with a trailing separator. */
export const STDLIB_DIR = join(packageRoot(fileURLToPath(import.meta.url)), "stdlib") + sep;

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

/**
 * The stdlib policy whose content an AWS managed policy ARN stands for (`attach "arn:aws:iam::aws:policy/AWSAppRunnerFullAccess"`
 * grants what the stdlib's `AWSAppRunnerFullAccess` says), if arp ships it.
 */
export function stdlibNameOfManagedArn(arn: string): string | undefined {
  const path = /^arn:[^:]+:iam::aws:policy\/(.+)$/.exec(arn)?.[1];
  if (path === undefined) return undefined;
  return Object.values(AWS_MANAGED_PATHS).find((known) => known === path)?.split("/").pop();
}
