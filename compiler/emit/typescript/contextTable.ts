/**
 * The table of context keys a generated module reads: each key's slot (handed out while the
 * statements were emitted, see `EmitContext.keySlot`), the spellings that find a slot without
 * lower-casing, and which key lengths may need lower-casing. The view files a request's values
 * by this table once, so statements read keys by index.
 */
import { lit, type EmitContext } from "./emitContext.js";

/** Keys the runtime derives from the principal ARN when the context lacks them, lower-cased. */
export const PRINCIPAL_KEYS: ReadonlySet<string> = new Set(["aws:principalaccount", "aws:principalarn", "aws:principaltype", "aws:userid", "aws:username"]);

/** The declarations of `KEYS`, `KEY_SLOTS`, `DERIVED_SLOTS`, `FOLDED_LENGTHS` and `FOLD_EVERY_KEY`. */
export function contextTable(ctx: EmitContext): string {
  const keys = ctx.slotKeys();
  const slots = new Map(keys.map((key, slot) => [key, slot]));
  const entries = [...keys.map((key, slot) => [key, slot] as const), ...ctx.keySpellings().map((s) => [s, slots.get(s.toLowerCase())!] as const)];
  const ascii = keys.filter((k) => /^[\x00-\x7f]*$/.test(k));
  const lengths = [...new Set(ascii.map((k) => k.length))].sort((a, b) => a - b);
  return [
    `/** The context keys statements read, lower-cased, by slot. */`,
    `const KEYS: readonly string[] = [${keys.map(lit).join(", ")}];`,
    `/** Each key's slot by spelling: lower case and as the policies write it (no lower-casing needed for those). */`,
    `const KEY_SLOTS: ReadonlyMap<string, number> = new Map<string, number>([${entries.map(([k, slot]) => `[${lit(k)}, ${slot}]`).join(", ")}]);`,
    `/** 1 at the slot of each key IAM derives from the principal ARN when the context lacks it: no other absent key looks there. */`,
    `const DERIVED_SLOTS: Uint8Array = new Uint8Array([${keys.map((k) => (PRINCIPAL_KEYS.has(k) ? 1 : 0)).join(", ")}]);`,
    `/** 1 at the length of each (ASCII) key: only a context key that long can name it in another case. */`,
    `const FOLDED_LENGTHS: Uint8Array = new Uint8Array(${lengths.length === 0 ? 0 : lengths[lengths.length - 1]! + 1});`,
    ...(lengths.length === 0 ? [] : [`for (const n of [${lengths.join(", ")}]) FOLDED_LENGTHS[n] = 1;`]),
    `/** Whether some key is not plain ASCII, so that every context key is lower-cased to be looked up. */`,
    `const FOLD_EVERY_KEY: boolean = ${ascii.length < keys.length};`,
  ].join("\n");
}
