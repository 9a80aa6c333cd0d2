import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/**
 * `npm start`: builds the web app once if it has not been built (a fresh clone), then runs
 * the server. `npm run build` rebuilds it explicitly.
 */
const dist = path.resolve(process.env.WEB_DIST ?? './dist/web');
if (!fs.existsSync(path.join(dist, 'index.html'))) {
  console.log('Đang dựng giao diện web lần đầu / Building the web app (first start)…');
  const vite = path.resolve('node_modules/vite/bin/vite.js');
  const r = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
await import('./main.ts');
