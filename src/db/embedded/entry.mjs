// Thread entry used when the database thread cannot be bundled (src/workers/thread-module.ts): makes TypeScript loadable (tsx), then opens the database.
// Plain JavaScript because a worker starts without the parent's loaders when the parent registered
// tsx through its API (bin/kompass.mjs); registering again under `node --import tsx` is harmless.
import { register } from 'tsx/esm/api';

register();
await import('./server.ts');
