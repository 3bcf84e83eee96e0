/** Reading plain JSON values (what `JSON.parse` gives) without trusting their shape. */

export type JsonObject = Readonly<Record<string, unknown>>;

/** A JSON object (not an array, not null). */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The object's own entries; a key such as `__proto__` or `toString` is data, never looked up. */
export function entries(obj: JsonObject): [string, unknown][] {
  return Object.keys(obj).map((k) => [k, obj[k]]);
}

/** The own property `key`, or undefined. */
export function own(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

/** How a value is named in messages. */
export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  if (typeof value === "object") return "an object";
  return `a ${typeof value}`;
}

/** A one-or-many element (`"x"` or `["x", "y"]`) as its items, and whether it was an array. */
export function oneOrMany(value: unknown): { readonly items: readonly unknown[]; readonly array: boolean } {
  return Array.isArray(value) ? { items: value, array: true } : { items: [value], array: false };
}

/** A string shown in a message, with characters outside printable ASCII escaped. */
export function shown(text: string): string {
  const clipped = text.length > 120 ? `${text.slice(0, 117)}...` : text;
  return `\`${clipped.replace(/[^\x20-\x7e]/gu, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16).toUpperCase()}}`)}\``;
}
