/** `node:url` for the browser worker: the compiler's modules all live under the virtual arp root. */
import { ARP_ROOT } from "./virtualFiles.js";

export function fileURLToPath(): string {
  return `${ARP_ROOT}/compiler/module.js`;
}

export function pathToFileURL(path: string): URL {
  return new URL(`file://${path}`);
}
