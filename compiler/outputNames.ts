/**
 * Which file each compiled name becomes, and the check that no two outputs (or an output and
 * one of arp's own files) land on the same file. File systems on macOS and Windows ignore case,
 * so names are compared ignoring it; Windows also refuses its device names as file names.
 * Reported at check time so that `arp check` finds what `arp compile` would trip on.
 */
import type { Diagnostic, Span } from "../grammar/diagnostics/diagnostic.js";
import { diagnostic } from "../grammar/diagnostics/codes.js";

/** arp's record of what it wrote, beside the policies. */
export const MANIFEST_NAME = "arp.manifest.json";
/** The name of the generated evaluator module in the output directory. */
export const EVALUATOR_FILE = "evaluator.ts";

/** `<Name>.json`: the file of a standalone policy. */
export function policyFileName(name: string): string {
  return `${name}.json`;
}

/** `<Name>.role.json`: the file of a role bundle. */
export function roleFileName(name: string): string {
  return `${name}.role.json`;
}

/** `<Name>.user.json`: the file of an IAM user's bundle. */
export function userFileName(name: string): string {
  return `${name}.user.json`;
}

/** `<Name>.group.json`: the file of an IAM group's bundle. */
export function groupFileName(name: string): string {
  return `${name}.group.json`;
}

/**
 * Windows device names: "Do not use the following reserved names for the name of a file: CON,
 * PRN, AUX, NUL, COM1 ... COM9, LPT1 ... LPT9. Also avoid these names followed immediately by an
 * extension; for example, NUL.txt and NUL.tar.gz are both equivalent to NUL." (Microsoft,
 * "Naming Files, Paths, and Namespaces"). The stem is everything before the first dot.
 */
const WINDOWS_DEVICE = /^(con|prn|aux|nul|com[1-9]|lpt[1-9])$/i;

/** True when Windows would open a device instead of the file `fileName`. */
export function isWindowsDeviceName(fileName: string): boolean {
  return WINDOWS_DEVICE.test(fileName.split(".")[0] ?? "");
}

/** One name that becomes a file: what it is (for messages) and where it is written. */
export interface OutputName {
  readonly kind: "policy" | "role" | "user" | "group";
  readonly name: string;
  readonly span: Span;
  /** Index of the source file among the compiler's inputs, to order names as written. */
  readonly order: number;
}

const FILE_NAME_OF: Readonly<Record<OutputName["kind"], (name: string) => string>> = {
  policy: policyFileName,
  role: roleFileName,
  user: userFileName,
  group: groupFileName,
};

function fileNameOf(o: OutputName): string {
  return FILE_NAME_OF[o.kind](o.name);
}

const ARP_FILES: ReadonlyMap<string, string> = new Map([
  [MANIFEST_NAME, "arp's manifest"],
  [EVALUATOR_FILE, "the generated evaluator (`--target ts`)"],
]);

/**
 * Reports ARP4011 for every output whose file name is a Windows device name, one of arp's own
 * files, or the file of an earlier output of the other kind (same-kind clashes are ARP4005).
 */
export function checkOutputNames(outputs: readonly OutputName[], diagnostics: Diagnostic[]): void {
  const ordered = [...outputs].sort((a, b) => a.order - b.order || a.span.start - b.span.start);
  const seen = new Map<string, OutputName>();
  for (const o of ordered) {
    const file = fileNameOf(o);
    const key = file.toLowerCase();
    const label = `${o.kind} \`${o.name}\``;
    if (isWindowsDeviceName(file)) {
      diagnostics.push(diagnostic("OutputNameCollision", o.span,
        `${label} would be written to \`${file}\`, which Windows opens as the device \`${file.split(".")[0]}\` instead of a file`,
        { hint: "CON, PRN, AUX, NUL, COM1-9 and LPT1-9 cannot start a file name on Windows, with any extension: rename it" }));
      continue;
    }
    const arpFile = ARP_FILES.get(key);
    if (arpFile !== undefined) {
      diagnostics.push(diagnostic("OutputNameCollision", o.span, `${label} would be written to \`${file}\`, which is ${arpFile}`,
        { hint: "rename it" }));
      continue;
    }
    const prior = seen.get(key);
    if (prior === undefined) {
      seen.set(key, o);
      continue;
    }
    if (prior.kind === o.kind) continue;
    diagnostics.push(diagnostic("OutputNameCollision", o.span,
      `${label} and ${prior.kind} \`${prior.name}\` would both be written to \`${file}\``, {
        hint: "a policy is written to `<Name>.json`, a role to `<Name>.role.json`, a user to `<Name>.user.json` and a group to `<Name>.group.json`, ignoring case as macOS and Windows do: rename one of them",
        related: [{ message: `${prior.kind} \`${prior.name}\` is written to \`${fileNameOf(prior)}\``, span: prior.span }],
      }));
  }
}
