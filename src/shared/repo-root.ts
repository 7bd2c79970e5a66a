import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root, where `data/` and `web/dist` live. */
export const REPO_ROOT = join(fileURLToPath(new URL('.', import.meta.url)), '../..');
