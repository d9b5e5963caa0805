#!/usr/bin/env node
// Entry point of the kompass command line. Runs the TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
const code = await main(process.argv.slice(2), process.env);
if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
