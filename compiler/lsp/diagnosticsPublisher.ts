/**
 * Which diagnostics each file shows. Checking an open document also finds problems in the
 * files it imports (as saved). An open file shows what its own check found, which reads the
 * text being edited; a file that is not open shows the union of what the checks of the open
 * files that import it found, each problem once.
 */
import type { Diagnostic } from "vscode-languageserver/node";

/** Sends one file's diagnostics to the client. */
export type PublishDiagnostics = (uri: string, diagnostics: Diagnostic[]) => void;

export class DiagnosticsPublisher {
  /** By checked document: the diagnostics its check found, by file URI. */
  private readonly found = new Map<string, Map<string, Diagnostic[]>>();

  constructor(private readonly publish: PublishDiagnostics) {}

  /** Records what checking `owner` found and republishes every file whose diagnostics changed. */
  update(owner: string, byUri: Map<string, Diagnostic[]>): void {
    const before = this.found.get(owner);
    this.found.set(owner, byUri);
    for (const uri of new Set([...(before?.keys() ?? []), ...byUri.keys()])) this.publishFile(uri);
  }

  /** Forgets what checking `owner` found (the document was closed). */
  forget(owner: string): void {
    const before = this.found.get(owner);
    this.found.delete(owner);
    for (const uri of before?.keys() ?? []) this.publishFile(uri);
  }

  private publishFile(uri: string): void {
    const own = this.found.get(uri);
    if (own !== undefined) {
      this.publish(uri, own.get(uri) ?? []);
      return;
    }
    const seen = new Set<string>();
    const merged: Diagnostic[] = [];
    for (const byUri of this.found.values()) {
      for (const d of byUri.get(uri) ?? []) {
        const key = JSON.stringify([d.code, d.range, d.message]);
        if (seen.has(key)) continue;
        seen.add(key);
        merged.push(d);
      }
    }
    this.publish(uri, merged);
  }
}
