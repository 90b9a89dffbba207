import {spawn} from 'node:child_process';
import {existsSync, mkdirSync, openSync, closeSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {LOG_DIR} from './workspace';

export interface BuildResult {
  name: string;
  seconds: number;
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

/**
 * `docusaurus build` (every locale of the site) under GNU time, which reports
 * the wall time and the peak resident set size of the build process and of
 * any child process it waited for (%M, in KiB). Output goes to a log file, so
 * that a failure can be shown with its last lines.
 */
export async function timedBuild(opts: BuildOptions): Promise<BuildResult> {
  if (!existsSync(TIME)) throw new Error(`${TIME} not found: install GNU time (Debian/Ubuntu: apt-get install time)`);
  mkdirSync(LOG_DIR, {recursive: true});
  const log = path.join(LOG_DIR, `build-${opts.name}.log`);
  const timeFile = path.join(LOG_DIR, `build-${opts.name}.time`);
  const fd = openSync(log, 'w');
  const args = ['-f', '%e %M', '-o', timeFile, 'node_modules/.bin/docusaurus', 'build', '--out-dir', opts.outDir];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(TIME, args, {cwd: opts.cwd, env: {...process.env, ...opts.env}, stdio: ['ignore', fd, fd]});
    child.once('error', reject);
    child.once('exit', (c) => resolve(c));
  }).finally(() => closeSync(fd));
  if (code !== 0) throw new Error(`build ${opts.name} failed (exit ${code}); last lines of ${log}:\n${tail(log, 30)}`);
  return {name: opts.name, ...parseTime(timeFile), log};
}

/** GNU time writes "<seconds> <KiB>" as its last line (after a "Command exited..." line on failure). */
function parseTime(file: string): {seconds: number; peakRssMb: number} {
  const last = readFileSync(file, 'utf8').trim().split('\n').pop() ?? '';
  const [seconds, kib] = last.split(/\s+/).map(Number);
  if (seconds === undefined || kib === undefined || Number.isNaN(seconds) || Number.isNaN(kib)) throw new Error(`cannot read ${file}: "${last}"`);
  return {seconds, peakRssMb: kib / 1024};
}

function tail(file: string, lines: number): string {
  return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
}
