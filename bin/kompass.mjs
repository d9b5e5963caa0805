#!/usr/bin/env node
// @ts-check
// Entry point of the kompass command line. Runs the plain-JavaScript bundle of the TypeScript sources
// (bin/bundle.mjs: made on first use and whenever a source changed), or the sources through tsx when
// no bundle can be made.
import { bundled } from './bundle.mjs';

const source = new URL('../src/cli/main.ts', import.meta.url);
const entry = await bundled(source);
if (!entry) (await import('tsx/esm/api')).register();
/** @type {{ main: (argv: string[], env: NodeJS.ProcessEnv) => Promise<number> }} */
const { main } = await import(entry ? entry.href : source.href);
const code = await main(process.argv.slice(2), process.env);
if (code !== 0 || process.argv[2] !== 'serve') process.exitCode = code;
