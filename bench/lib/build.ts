import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, openSync, closeSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {LOG_DIR} from './workspace';

export interface BuildResult {
  name: string;
  seconds: number;
  /** User + system CPU seconds of the build and its children: less moved than wall time by other work on the machine. */
  cpuSeconds: number;
  peakRssMb: number;
  log: string;
}

export interface BuildOptions {
  /** Short id, used for the log file name. */
  name: string;
  /** The site directory (bench/.work/site or bench/.work/stock). */
  cwd: string;
  /** Where the build goes, inside the work site: builds of different bundlers must not overwrite each other. */
  outDir: string;
  env?: Record<string, string | undefined>;
}

const TIME = '/usr/bin/time';

/** A failure the benchmark explains itself: printed without a stack trace. */
export class BenchError extends Error {}

/**
 * `docusaurus build` (every locale of the site) under GNU time, which reports
 * the wall time, the CPU time, and the peak resident set size of the largest
 * of the build process and the children it waited for (%M, in KiB). Output goes to a log file, so
 * that a failure can be shown with its last lines.
 */
export async function timedBuild(opts: BuildOptions): Promise<BuildResult> {
  if (!existsSync(TIME)) throw new BenchError(`${TIME} not found: install GNU time (Debian/Ubuntu: apt-get install time)`);
  mkdirSync(LOG_DIR, {recursive: true});
  const log = path.join(LOG_DIR, `build-${opts.name}.log`);
  const timeFile = path.join(LOG_DIR, `build-${opts.name}.time`);
  const fd = openSync(log, 'w');
  const args = ['-f', '%e %M %U %S', '-o', timeFile, 'node_modules/.bin/docusaurus', 'build', '--out-dir', opts.outDir];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(TIME, args, {cwd: opts.cwd, env: {...process.env, ...opts.env}, stdio: ['ignore', fd, fd]});
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  }).finally(() => closeSync(fd));
  if (code !== 0)
    throw new BenchError(`build ${opts.name} failed (exit ${code}); from ${path.relative(process.cwd(), log)}:\n${excerpt(log)}`);
  return {name: opts.name, ...parseTime(timeFile), log};
}

/** GNU time writes "<wall s> <KiB> <user s> <sys s>" as its last line (after a "Command exited..." line on failure). */
function parseTime(file: string): {seconds: number; cpuSeconds: number; peakRssMb: number} {
  const last = readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  const values = last.split(/\s+/).map(Number);
  const [seconds, kib, user, sys] = values;
  if (values.length !== 4 || values.some(Number.isNaN)) throw new Error(`cannot read ${file}: "${last}"`);
  return {seconds: seconds!, cpuSeconds: user! + sys!, peakRssMb: kib! / 1024};
}

/** The first error of a build log and what follows it (the stack traces after it are mostly noise), else its end. */
function excerpt(file: string): string {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const first = lines.findIndex((l) => /\[ERROR\]|Error:/.test(l));
  return (first >= 0 ? lines.slice(first, first + 12) : lines.slice(-30)).join('\n');
}
