#!/usr/bin/env node
// The arp command line, run from the bundle that `npm run build` (also `prepare`) writes to
// dist/cli/: no TypeScript loader at run time, and few files to load (scripts/build.mjs).
import "../dist/cli/main.js";
