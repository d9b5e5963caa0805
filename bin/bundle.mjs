// @ts-check
/**
 * Plain JavaScript, because it runs before TypeScript can be loaded: makes the plain-JavaScript form
 * of a TypeScript module and the sources it imports, for the command line (bin/kompass.mjs) and for
 * worker threads (src/workers/thread-module.ts).
 *
 * Why: loading the sources through tsx costs a loader-hooks thread per thread that registers it, the
 * transformer and the source maps of every module — measured on 2,400 evaluations: the server 346 →
 * 263 MB resident at start, the embedded database's thread 206 → 161 MB. The bundle is made with
 * esbuild (packages stay imports; dynamic imports become chunks loaded when first used) into
 * `node_modules/.cache/kompass-bundles/<name>-<content hash>/`, with linked source maps (used with
 * `node --enable-source-maps`). Each source's `import.meta.url`, `.dirname` and `.filename` are written
 * in as the source's own location, so files found relative to a source (migrations, the web build,
 * fonts through `createRequire`) are found as before; packages resolve from the project's
 * node_modules, which holds the folder.
 *
 * A manifest per module records its inputs' sizes and modification times: while they are unchanged
 * the bundle is reused without running esbuild. `null` when no bundle can be made (esbuild missing,
 * the folder not writable): the caller then loads the sources through tsx, as before.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Inside the project's node_modules, so the bundles resolve packages from there. */
const cache = path.join(projectRoot, 'node_modules', '.cache', 'kompass-bundles');

/** @typedef {{ inputs: Record<string, [number, number]>, entry: string }} Manifest */

/** @param {string} file @returns {[number, number] | null} */
function stamp(file) {
  try {
    const s = fs.statSync(file);
    return [s.mtimeMs, s.size];
  } catch {
    return null;
  }
}

/** @param {string} file @returns {Manifest | null} */
function readManifest(file) {
  try {
    return /** @type {Manifest} */ (JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch {
    return null;
  }
}

/** @param {string} file @param {string | Uint8Array} contents */
function writeAtomically(file, contents) {
  const temporary = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
  fs.writeFileSync(temporary, contents);
  fs.renameSync(temporary, file);
}

/**
 * Each source's `import.meta` location as it is in the sources, not where the bundle lies.
 * @type {import('esbuild').Plugin}
 */
const sourceLocations = {
  name: 'source-locations',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]sx?$/ }, (args) => {
      if (args.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = fs.readFileSync(args.path, 'utf8');
      /** @type {Record<string, string>} */
      const meta = { url: pathToFileURL(args.path).href, dirname: path.dirname(args.path), filename: args.path };
      const contents = text.replace(/\bimport\.meta\.(url|dirname|filename)\b/g, (_, /** @type {string} */ key) => JSON.stringify(meta[key]));
      return { contents, loader: /\.tsx?$/.test(args.path) ? (args.path.endsWith('x') ? 'tsx' : 'ts') : 'js' };
    });
  },
};

/**
 * The file URL of the plain-JavaScript form of the TypeScript module `source`, or null.
 * @param {URL} source
 * @returns {Promise<URL | null>}
 */
export async function bundled(source) {
  try {
    return await make(fileURLToPath(source));
  } catch {
    return null;
  }
}

/** @param {string} entry @returns {Promise<URL>} */
async function make(entry) {
  const name = path.basename(entry).replace(/\.tsx?$/, '');
  const manifestFile = path.join(cache, `${name}-${crypto.createHash('sha256').update(entry).digest('hex').slice(0, 12)}.json`);
  const known = readManifest(manifestFile);
  if (known && fs.existsSync(known.entry) && Object.entries(known.inputs).every(([file, s]) => { const now = stamp(file); return now !== null && now[0] === s[0] && now[1] === s[1]; })) {
    return pathToFileURL(known.entry);
  }

  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: { [name]: entry },
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outExtension: { '.js': '.mjs' },
    outdir: '/',
    sourcemap: 'linked',
    // Sources are named from the (made-up) output folder `/`: from the root, so absolute wherever the bundle lies.
    sourceRoot: '/',
    absWorkingDir: projectRoot,
    metafile: true,
    write: false,
    logLevel: 'silent',
    plugins: [sourceLocations],
  });
  const files = result.outputFiles.map((f) => ({ rel: path.relative('/', f.path), contents: f.contents })).sort((a, b) => a.rel.localeCompare(b.rel));
  const hash = crypto.createHash('sha256');
  for (const f of files) hash.update(f.rel).update('\0').update(f.contents).update('\0');
  const dir = path.join(cache, `${name}-${hash.digest('hex').slice(0, 16)}`);
  const target = path.join(dir, `${name}.mjs`);
  if (!fs.existsSync(target)) {
    // Written beside and renamed into place: several processes may make the same bundle at once.
    const temporary = `${dir}.${process.pid}.${crypto.randomBytes(4).toString('hex')}`;
    fs.mkdirSync(temporary, { recursive: true });
    try {
      for (const f of files) fs.writeFileSync(path.join(temporary, f.rel), f.contents);
      try {
        fs.renameSync(temporary, dir);
      } catch (e) {
        // Another process put the same bundle in place first.
        if (!fs.existsSync(target)) throw e;
      }
    } finally {
      fs.rmSync(temporary, { recursive: true, force: true });
    }
  }
  /** @type {Record<string, [number, number]>} */
  const inputs = {};
  for (const input of Object.keys(result.metafile.inputs)) {
    const file = path.resolve(projectRoot, input);
    const s = stamp(file);
    if (s) inputs[file] = s;
  }
  writeAtomically(manifestFile, JSON.stringify({ inputs, entry: target }));
  return pathToFileURL(target);
}
