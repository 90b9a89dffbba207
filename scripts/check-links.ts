/**
 * `npm run check-links`: checks every catalogue address (and the archive copy
 * of each unreachable entry) and writes link-reports/YYYY-MM-DD.{json,md}.
 * For maintainers on a networked machine; `npm test` never runs it.
 *
 *   --concurrency N   requests in flight at once, all hosts together (default 8)
 *   --delay MS        pause between requests to the same host (default 500)
 *   --timeout MS      per request (default 10000)
 *   --out DIR         report directory (default link-reports)
 *   --only id1,id2    check these entries only
 *
 * Exit code 1 when an address is broken or invalid (addresses the catalogue
 * already marks unreachable excepted), 0 otherwise, 2 on a usage error.
 * Under GitHub Actions (GITHUB_OUTPUT set) it also writes the step outputs
 * `report` (the Markdown report's path) and `changed` (true when something
 * broke, was fixed or redirects elsewhere since the previous report, or, with
 * no previous report, when anything is broken), for .github/workflows/links.yml.
 */
import path from 'node:path';
import {references} from '../src/data/references';
import {appendFileSync} from 'node:fs';
import {checkLinks, isFailure, summaryText, writeReports} from './lib/link-check';
import {catalogueTargets} from './lib/link-targets';

const USAGE = 'usage: npm run check-links -- [--concurrency N] [--delay MS] [--timeout MS] [--out DIR] [--only id1,id2]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function parseArgs(argv: string[]) {
  const args: {concurrency?: number; delay?: number; timeout?: number; out: string; only?: string[]} = {
    out: path.resolve(__dirname, '..', 'link-reports'),
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--help' || arg === '-h') {
      console.log(USAGE);
      process.exit(0);
    }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value`);
      return v;
    };
    const number = (min: number): number => {
      const raw = value();
      const n = Number(raw);
      if (!Number.isInteger(n) || n < min) fail(`${flag}: expected an integer ≥ ${min}, got "${raw}"`);
      return n;
    };
    switch (flag) {
      case '--concurrency':
        args.concurrency = number(1);
        break;
      case '--delay':
        args.delay = number(0);
        break;
      case '--timeout':
        args.timeout = number(1);
        break;
      case '--out':
        args.out = path.resolve(value());
        break;
      case '--only':
        args.only = value()
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        break;
      default:
        fail(`unknown argument "${arg}"`);
    }
  }
  return args;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  let entries = references;
  if (args.only) {
    const known = new Set(references.map((r) => r.id));
    const unknown = args.only.filter((id) => !known.has(id));
    if (unknown.length) fail(`--only: no catalogue entry with id ${unknown.map((id) => `"${id}"`).join(', ')}`);
    const wanted = new Set(args.only);
    entries = references.filter((r) => wanted.has(r.id));
  }
  const targets = catalogueTargets(entries);

  const hosts = new Set(targets.map((t) => (URL.canParse(t.url) ? new URL(t.url).host : t.url))).size;
  console.log(`Checking ${targets.length} addresses on ${hosts} hosts…`);
  const progress = process.stderr.isTTY;
  const report = await checkLinks(targets, {
    concurrency: args.concurrency,
    perHostDelayMs: args.delay,
    timeoutMs: args.timeout,
    onResult: (r, done, total) => {
      if (progress) process.stderr.write(`\r[${done}/${total}] ${r.classification.padEnd(12)} ${r.id}`.padEnd(80).slice(0, 100));
    },
  });
  if (progress) process.stderr.write('\r'.padEnd(101) + '\r');

  const written = writeReports(args.out, report);
  console.log(summaryText(report));
  const shown = path.relative(process.cwd(), written.markdown);
  console.log(
    `Report: ${shown.startsWith('..') ? written.markdown : shown} (and .json)` +
      (written.previous ? `, compared with ${path.basename(written.previous)}` : ', no earlier report to compare with'),
  );
  if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, `report=${written.markdown}\nchanged=${written.changed}\n`);
  process.exitCode = report.results.some(isFailure) ? 1 : 0;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 2;
});
