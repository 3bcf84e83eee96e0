#!/usr/bin/env node
// The arp command line, run from the JavaScript that `npm run build` (also `prepare`) writes
// to dist/: no TypeScript loader at run time.
import "../dist/compiler/cli/main.js";
