/** The web app's links come from the route registry shared with the server (sitemap, canonical links). */
export { apiPaths, downloads, paths, patterns } from '../../src/contracts/paths.ts';
