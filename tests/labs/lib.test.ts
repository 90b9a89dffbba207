import assert from 'node:assert/strict';
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {after, describe, test} from 'node:test';
import {skipOrFail} from '../helpers/ci';
import {cannotRunLabs, LABS_DIR, rootNamespaceState, SKIP_STATUS} from './lab-env';

const scratch = mkdtempSync(path.join(tmpdir(), 'lib-test-'));
after(() => rmSync(scratch, {recursive: true, force: true}));

/**
 * Writes a throwaway lab that sources labs/lib.sh, makes one of everything the
 * clean-up must take away (a namespace, a scratch directory, a background
 * process, an on_exit step), reports them on stdout, then runs `ending`.
 */
function writeLab(name: string, ending: string): {script: string; stepLog: string} {
  const script = path.join(scratch, `${name}.sh`);
  const stepLog = path.join(scratch, `${name}.on-exit`);
  writeFileSync(
    script,
    `source ${JSON.stringify(path.join(LABS_DIR, 'lib.sh'))}
make_ns ${name}
lab_tmpdir
# Not on our pipes: a process the clean-up forgot must not keep the test waiting for end of output.
lab_bg ip netns exec ${name} timeout 60 sleep 60 </dev/null >/dev/null 2>&1
bg=$!
# The on_exit step records what it found: the process already stopped, the namespace still there.
on_exit "{ kill -0 $bg 2>/dev/null && echo process-running || echo process-stopped; ip netns list | grep -qw ${name} && echo namespace-present; } >${stepLog}"
echo "pid=$bg"
echo "work=$WORK"
touch "$WORK/file"
echo ready
${ending}
echo "not reached"
`,
  );
  return {script, stepLog};
}

/**
 * A throwaway lab as writeLab's, but its on_exit step calls a function of the
 * lab with a variable of the lab: a kept run's --clean-up, in another shell,
 * must have both. Its background process writes to the lab's own stdout.
 */
function writeKeptLab(name: string, ending: string): {script: string; stepLog: string} {
  const script = path.join(scratch, `${name}.sh`);
  const stepLog = path.join(scratch, `${name}.on-exit`);
  writeFileSync(
    script,
    `source ${JSON.stringify(path.join(LABS_DIR, 'lib.sh'))}
make_ns ${name}
lab_tmpdir
STEP_LOG=${JSON.stringify(stepLog)}
lab_bg ip netns exec ${name} timeout 60 sleep 60
bg=$!
# Not the lab's child any more once kept: stopped, it may be a zombie for a moment, until init reaps it.
running() { [[ -e /proc/$bg/stat && $(cut -d ' ' -f 3 "/proc/$bg/stat") != Z ]]; }
record() { { running && echo process-running || echo process-stopped; ip netns list | grep -qw ${name} && echo namespace-present; } >"$STEP_LOG"; }
on_exit record
echo "pid=$bg"
echo "work=$WORK"
${ending}
`,
  );
  return {script, stepLog};
}

/** Reads what the throwaway lab reported: its background PID and its scratch directory. */
function reported(stdout: string): {pid: number; work: string} {
  const pid = Number(/^pid=(\d+)$/m.exec(stdout)?.[1]);
  const work = /^work=(.+)$/m.exec(stdout)?.[1] ?? '';
  assert.ok(pid > 0 && work, `the throwaway lab did not report its PID and scratch directory:\n${stdout}`);
  return {pid, work};
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  // A zombie still answers kill(0); it has ended all the same.
  const stat = existsSync(`/proc/${pid}/stat`) ? readFileSync(`/proc/${pid}/stat`, 'utf8') : '';
  return !/\) Z /.test(stat);
}

function namespaces(): string {
  return spawnSync('ip', ['netns', 'list'], {encoding: 'utf8'}).stdout;
}

function assertAllGone(name: string, stdout: string, stepLog: string): void {
  const {pid, work} = reported(stdout);
  try {
    assert.doesNotMatch(stdout, /not reached/);
    assert.doesNotMatch(namespaces(), new RegExp(`^${name}\\b`, 'm'), `namespace ${name} is still there`);
    assert.ok(!existsSync(work), `the scratch directory ${work} is still there`);
    assert.ok(!isRunning(pid), `the background process ${pid} is still running`);
    assert.deepEqual(readFileSync(stepLog, 'utf8').trim().split('\n'), ['process-stopped', 'namespace-present'], 'the on_exit step ran after the background process stopped and before the namespace went');
  } finally {
    // Whatever the clean-up left behind, this test must not leave it on the machine.
    if (isRunning(pid)) process.kill(pid, 'SIGTERM'); // timeout(1) passes it on to sleep
    spawnSync('ip', ['netns', 'del', name]);
    rmSync(work, {recursive: true, force: true});
  }
}

describe('labs/lib.sh owns the lifecycle of a lab', () => {
  test('a lab that fails midway exits non-zero and leaves nothing behind', {timeout: 60_000}, (t) => {
    const reason = cannotRunLabs();
    if (reason) return skipOrFail(t, reason);
    const name = `libtest-fail-${process.pid}`;
    const {script, stepLog} = writeLab(name, 'fail "a check did not hold"');
    const before = rootNamespaceState();
    const result = spawnSync('timeout', ['30', 'bash', script], {encoding: 'utf8'});
    assert.equal(result.status, 1, `exit status ${result.status}:\n${result.stderr}`);
    assert.match(result.stderr, /^FAIL: a check did not hold$/m);
    assertAllGone(name, result.stdout, stepLog);
    assert.equal(rootNamespaceState(), before);
  });

  test('a lab stopped by SIGTERM exits with 143 and leaves nothing behind', {timeout: 60_000}, async (t) => {
    const reason = cannotRunLabs();
    if (reason) return skipOrFail(t, reason);
    const name = `libtest-term-${process.pid}`;
    const {script, stepLog} = writeLab(name, 'while :; do sleep 0.1; done');
    const before = rootNamespaceState();
    const child = spawn('bash', [script], {stdio: ['ignore', 'pipe', 'pipe']});
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      if (/^ready$/m.test(stdout)) child.kill('SIGTERM');
    });
    const killer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    clearTimeout(killer);
    assert.equal(status, 143, 'a lab ended by SIGTERM must exit with 128+15');
    assertAllGone(name, stdout, stepLog);
    assert.equal(rootNamespaceState(), before);
  });

  test('LAB_KEEP=1 keeps everything after a pass, refuses a second run, and --clean-up removes it all', {timeout: 60_000}, (t) => {
    const reason = cannotRunLabs();
    if (reason) return skipOrFail(t, reason);
    const name = `libtest-keep-${process.pid}`;
    const {script, stepLog} = writeKeptLab(name, 'echo done');
    const before = rootNamespaceState();
    // Through pipes, as the tests and the VM's terminal run labs: the kept process must not hold them open.
    const kept = spawnSync('timeout', ['30', 'bash', script], {encoding: 'utf8', env: {...process.env, LAB_KEEP: '1'}});
    const {pid, work} = reported(kept.stdout);
    try {
      assert.equal(kept.status, 0, `exit status ${kept.status}:\n${kept.stdout}${kept.stderr}`);
      assert.match(kept.stdout, /^==> Kept for you to look around \(LAB_KEEP=1\)/m);
      assert.match(kept.stdout, new RegExp(`^Its namespaces: ${name}$`, 'm'));
      assert.match(kept.stdout, new RegExp(`^When you are done, remove it all: bash ${script} --clean-up$`, 'm'));
      assert.match(namespaces(), new RegExp(`^${name}\\b`, 'm'), 'the namespace is gone');
      assert.ok(existsSync(work), 'the scratch directory is gone');
      assert.ok(isRunning(pid), 'the background process was stopped');
      // A server's bound (a minute or more) stretches to an hour, for the reader to use it.
      assert.equal(readFileSync(`/proc/${pid}/cmdline`, 'utf8'), ['timeout', '3600', 'sleep', '60', ''].join('\0'));
      assert.ok(!existsSync(stepLog), 'the on_exit step ran');

      const again = spawnSync('bash', [script], {encoding: 'utf8'});
      assert.equal(again.status, 2);
      assert.match(again.stderr, new RegExp(`^${name}: a run of this lab kept with LAB_KEEP=1 \\(.+\\) is still in place\\.$`, 'm'));
      assert.match(again.stderr, new RegExp(`remove it first: bash ${script} --clean-up$`, 'm'));
      assert.doesNotMatch(again.stdout, /pid=/, 'the second run went ahead');

      const clean = spawnSync('timeout', ['30', 'bash', script, '--clean-up'], {encoding: 'utf8'});
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
      assert.equal(clean.stderr, '', 'the clean-up complained');
      assert.match(clean.stdout, new RegExp(`^${name}: removed the kept run: 1 processes stopped; namespaces deleted: ${name}; scratch directory removed: ${work}$`, 'm'));
      assert.ok(!existsSync(`/run/labs/${name}`), 'the record of the kept run is still there');
      const nothing = spawnSync('bash', [script, '--clean-up'], {encoding: 'utf8'});
      assert.equal(nothing.stdout, `${name}: nothing to clean up: no run of this lab is kept\n`);
    } finally {
      spawnSync('bash', [script, '--clean-up']);
    }
    // The on_exit step ran from the saved state: the lab's own function and variable, after its process, before its namespace.
    assertAllGone(name, kept.stdout, stepLog);
    assert.equal(rootNamespaceState(), before);
  });

  test('LAB_KEEP=1 keeps a failed lab too, and --clean-up also stops what the reader started inside it', {timeout: 60_000}, (t) => {
    const reason = cannotRunLabs();
    if (reason) return skipOrFail(t, reason);
    const name = `libtest-keepfail-${process.pid}`;
    const {script, stepLog} = writeKeptLab(name, 'fail "a check did not hold"');
    const before = rootNamespaceState();
    const kept = spawnSync('timeout', ['30', 'bash', script], {encoding: 'utf8', env: {...process.env, LAB_KEEP: '1'}});
    const {pid} = reported(kept.stdout);
    // A process of the reader's, in the kept namespace, and not the lab's.
    const reader = spawn('ip', ['netns', 'exec', name, 'sleep', '60'], {stdio: 'ignore', detached: true});
    reader.unref();
    try {
      const inside = () => spawnSync('ip', ['netns', 'identify', String(reader.pid)], {encoding: 'utf8'}).stdout.trim() === name;
      for (let tries = 0; tries < 100 && !inside(); tries++) spawnSync('sleep', ['0.1']);
      assert.ok(inside(), `the reader's process never entered ${name}`);
      assert.equal(kept.status, 1);
      assert.match(kept.stderr, /^FAIL: a check did not hold$/m);
      assert.match(kept.stdout, /^==> Stopped where it failed, and kept for you to look around \(LAB_KEEP=1\)$/m);
      assert.ok(isRunning(pid) && existsSync(`/run/netns/${name}`), 'the failed run was not kept');
      const clean = spawnSync('timeout', ['30', 'bash', script, '--clean-up'], {encoding: 'utf8'});
      assert.equal(clean.status, 0, clean.stdout + clean.stderr);
      assert.match(clean.stdout, /removed the kept run: 2 processes stopped/);
      assert.ok(!isRunning(reader.pid!), 'the process started in the kept namespace is still running');
    } finally {
      spawnSync('bash', [script, '--clean-up']);
      if (isRunning(reader.pid!)) process.kill(reader.pid!, 'SIGKILL');
    }
    assertAllGone(name, kept.stdout, stepLog);
    assert.equal(rootNamespaceState(), before);
  });

  test('require skips the lab (exit 77) and names the Debian packages to install', {timeout: 30_000}, (t) => {
    const reason = cannotRunLabs();
    if (reason) return skipOrFail(t, reason);
    const script = path.join(scratch, 'needs-tools.sh');
    writeFileSync(script, `source ${JSON.stringify(path.join(LABS_DIR, 'lib.sh'))}\nrequire ip no-such-tool /usr/lib/cni/no-such-plugin\necho "not reached"\n`);
    const result = spawnSync('bash', [script], {encoding: 'utf8'});
    assert.equal(result.status, SKIP_STATUS);
    assert.equal(result.stdout, '');
    assert.equal(
      result.stderr.trim(),
      'needs-tools: this lab needs no-such-tool and /usr/lib/cni/no-such-plugin: apt-get install no-such-tool containernetworking-plugins',
    );
  });

  test('require_module passes for a module the kernel has and skips the lab (exit 77) naming those it lacks', {timeout: 30_000}, (t) => {
    const reason = cannotRunLabs();
    if (reason) return skipOrFail(t, reason);
    // Whatever this kernel has loaded or built in with parameters: /sys/module lists it.
    const present = readdirSync('/sys/module').sort()[0];
    assert.ok(present, '/sys/module is empty');
    const script = path.join(scratch, 'needs-modules.sh');
    writeFileSync(
      script,
      `source ${JSON.stringify(path.join(LABS_DIR, 'lib.sh'))}
require_module ${present}
echo "passed ${present}"
require_module no_such_module_a ${present} no_such_module_b
echo "not reached"
`,
    );
    const result = spawnSync('bash', [script], {encoding: 'utf8'});
    assert.equal(result.status, SKIP_STATUS, result.stderr);
    assert.equal(result.stdout, `passed ${present}\n`);
    assert.equal(
      result.stderr.trim(),
      'needs-modules: this lab needs the kernel modules no_such_module_a and no_such_module_b, which this kernel has neither built in nor can load',
    );
  });

  test('no lab installs a trap of its own: lib.sh installs the only one', () => {
    const withTrap = readdirSync(LABS_DIR)
      .filter((f) => f.endsWith('.sh') && f !== 'lib.sh')
      .filter((f) => /(^|[;&|({]|\bthen|\bdo|\belse)\s*trap\b/m.test(readFileSync(path.join(LABS_DIR, f), 'utf8')));
    assert.deepEqual(withTrap, [], 'register clean-up with on_exit, lab_bg, lab_tmpdir or make_ns instead');
  });
});
