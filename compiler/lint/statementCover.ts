/**
 * Whether one statement applies whenever another does, proved from their text: ARP7007 (a
 * statement another of the same effect covers) and ARP7050 (an allow a deny covers) both ask it.
 * Like patternCover.ts it may miss a cover but never invents one.
 */
import { isConfinedSegment, splitResourcePrefix } from "../../runtime/resourcePattern.js";
import type { IrStatement } from "../ir.js";
import { implies } from "./conditionImplication.js";
import { patternCovers } from "./patternCover.js";

/** Whether a Resource pattern keeps a wildcard inside one of the ARN's first five parts. */
function hasConfinedSegment(pattern: string): boolean {
  return splitResourcePrefix(pattern).rest !== undefined && splitResourcePrefix(pattern).segments.some(isConfinedSegment);
}

/**
 * Whether the Resource pattern `wide` matches every resource `narrow` matches. Both read as plain
 * globs unless a wildcard is confined to one of the first five ARN parts, where IAM's matching
 * differs from a glob's: then only `*` and the same text are trusted to cover.
 */
export function resourceCovers(wide: string, narrow: string): boolean {
  if (wide === "*" || wide === narrow) return true;
  if (hasConfinedSegment(wide) || hasConfinedSegment(narrow)) return false;
  return patternCovers(wide, narrow, false);
}

/**
 * Whether `a` applies to every request `b` applies to, whatever their effects: every action of
 * `b` is covered by an action of `a`, every resource of `b` by a resource of `a`, and every
 * condition of `a` follows from one of `b`'s (conditionImplication.ts). NotAction and
 * NotResource are not reasoned about.
 */
export function appliesWhenever(a: IrStatement, b: IrStatement): boolean {
  if (a.actions.not || b.actions.not) return false;
  if (a.resources === undefined || b.resources === undefined || a.resources.not || b.resources.not) return false;
  if (!b.actions.values.every((v) => a.actions.values.some((w) => patternCovers(w, v, true)))) return false;
  if (!b.resources.values.every((v) => a.resources!.values.some((w) => resourceCovers(w, v)))) return false;
  return a.conditions.every((c) => b.conditions.some((d) => implies(d, c)));
}
