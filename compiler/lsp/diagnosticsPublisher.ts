/**
 * Which diagnostics each file shows. Checking an open document also finds problems in the
 * files it imports; a file shows the union of what every open document's check found in it,
 * so an imported file's errors appear (once) whether or not it is open itself.
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
