import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { Hono } from 'hono';
import type { AppEnv } from './types.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
};

/**
 * Serves the built web app from `web/dist`: files by path, and index.html for any other non-API
 * path so the app's own router can take it. Hashed assets are cached for a year, index.html never.
 */
export function mountWebApp(app: Hono<AppEnv>, webDir: string): void {
  const root = resolve(webDir);
  const indexFile = join(root, 'index.html');
  app.get('*', (c) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname);
    if (path.startsWith('/api/')) return c.notFound();
    const file = normalize(join(root, path));
    if (file.startsWith(root + sep) && existsSync(file) && extname(file)) {
      const immutable = path.startsWith('/assets/');
      return c.body(readFileSync(file), 200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
    if (!existsSync(indexFile)) {
      return c.text('The web app is not built yet: run `npm run build:web` (npm start does this for you).', 503);
    }
    return c.body(readFileSync(indexFile), 200, { 'Content-Type': TYPES['.html'] as string, 'Cache-Control': 'no-cache' });
  });
}
