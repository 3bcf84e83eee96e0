/** `node:module` for the browser worker: the only `require` the compiler makes is chevrotain's. */
import * as chevrotain from "chevrotain";
import { IAM_DATA_ROOT } from "./virtualFiles.js";

export function createRequire(): { (id: string): unknown; resolve(id: string): string } {
  const resolve = (id: string): string => (id.includes("iam-data") ? `${IAM_DATA_ROOT}/dist/index.js` : `/arp/node_modules/${id}/lib/src/api.js`);
  return Object.assign((): unknown => chevrotain, { resolve });
}
