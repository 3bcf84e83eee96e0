#!/usr/bin/env node
// arp is written in TypeScript; tsx loads it without a build step.
import { register } from "tsx/esm/api";

register();
await import("../compiler/cli/main.ts");
