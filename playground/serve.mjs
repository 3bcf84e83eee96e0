/**
 * Serves the built playground on localhost with no network beyond the loopback:
 *   node playground/serve.mjs [dir] [port]   (defaults: build/playground, 8080)
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize, resolve } from "node:path";

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png" };

/** Starts the server; resolves with its port. */
export function servePlayground(dir, port = 0) {
  const root = resolve(dir);
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const file = join(root, normalize(decodeURIComponent(url.pathname)).replace(/^(\.\.[/\\])+/, ""));
    const path = existsSync(file) && statSync(file).isDirectory() ? join(file, "index.html") : file;
    if (!path.startsWith(root) || !existsSync(path)) {
      res.writeHead(404).end("not found");
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(path)] ?? "application/octet-stream" });
    createReadStream(path).pipe(res);
  });
  return new Promise((done) => server.listen(port, "127.0.0.1", () => done({ server, port: server.address().port })));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { port } = await servePlayground(process.argv[2] ?? "build/playground", Number(process.argv[3] ?? 8080));
  console.log(`arp playground: http://127.0.0.1:${port}/`);
}
