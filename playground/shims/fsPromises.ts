/** `fs/promises` for the browser worker: iam-data's async reader, which the compiler never calls. */
export async function readFile(): Promise<never> {
  throw new Error("fs/promises is not available in the browser");
}
