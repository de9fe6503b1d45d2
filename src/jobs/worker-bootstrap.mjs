// Worker threads do not inherit the TypeScript loader that bin/corridor.js registers (nor
// vitest's): each worker registers tsx itself, then loads its TypeScript module.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
