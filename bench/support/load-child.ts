import fs from 'node:fs';
import http from 'node:http';
import { drive, type LoadOptions, submitOnce } from './admission-load.ts';

/**
 * The load generator of bench/submissions.bench.ts, in its own process so that it does not
 * share the server's event loop: `node bench/support/load-child.ts <options.json> <out.json>`.
 * Writes every attempt (index, key, status, dossier code, latency) and the retries of 1% of
 * the accepted submissions with the same key (same receipt expected).
 */
const [input, output] = process.argv.slice(2);
if (!input || !output) throw new Error('usage: load-child.ts <options.json> <out.json>');
const opts = JSON.parse(fs.readFileSync(input, 'utf8')) as LoadOptions & { retryEvery: number };
const { attempts, elapsedMs } = await drive({
  ...opts,
  onProgress: (n) => process.stderr.write(`  … ${n} requests\n`),
});

const agent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const accepted = attempts.filter((a) => a.status === 201);
const picks = accepted.filter((_, k) => k % opts.retryEvery === 0);
let same = 0;
const mismatches: string[] = [];
for (let k = 0; k < picks.length; k += 16) {
  await Promise.all(
    picks.slice(k, k + 16).map(async (a) => {
      const r = await submitOnce(agent, opts, a.i, a.key);
      if (r.status === 201 && JSON.stringify(JSON.parse(r.body)) === JSON.stringify(JSON.parse(a.body!))) same++;
      else mismatches.push(`${r.status} ${r.body.slice(0, 200)}`);
    }),
  );
}
agent.destroy();
const rows = attempts.map((a) => ({
  i: a.i,
  key: a.key,
  status: a.status,
  code: a.status === 201 ? (JSON.parse(a.body!) as { dossierCode: string }).dossierCode : undefined,
  error: a.status !== 201 ? a.body?.slice(0, 300) : undefined,
  ms: a.ms,
  doneAt: a.doneAt,
}));
fs.writeFileSync(output, JSON.stringify({ elapsedMs, attempts: rows, retried: picks.length, same, mismatches }));
