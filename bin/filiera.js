#!/usr/bin/env node
// The filiera CLI runs the TypeScript sources through tsx, so it works right after `npm ci`.
import { register } from "tsx/esm/api";

register();
await import("../src/cli/main.ts");
