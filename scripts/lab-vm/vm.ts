// Drives the lab VM in v86 under Node: boot (or restore a saved state), wait
// for the root shell on the serial console, run commands, save a state.
// Every wait is bounded; a VM that misses a deadline is an error that shows
// the end of what the console printed.
import {readFileSync} from 'node:fs';
import path from 'node:path';
import {V86} from 'v86';
import {readManifest, resolveIn, type Manifest} from '../../src/features/lab-vm/manifest';

/** The shell prompt, as rootfs/root/.bashrc sets it. */
const PROMPT = /root@lab:[^\n]*# $/;
const CONSOLE_TAIL = 2000;

export interface VmOptions {
  manifestFile: string;
  /** Guest memory in MiB. */
  memoryMiB?: number;
  /** A saved state (zstd-compressed or raw) to restore instead of booting. */
  stateFile?: string;
  /** Echo the serial console to this stream (for watching a boot). */
  echo?: NodeJS.WritableStream;
  extraCmdline?: string;
}

export interface RunResult {
  output: string;
  status: number;
  ms: number;
}

export class LabVm {
  readonly manifest: Manifest;
  private readonly emulator: V86;
  private readonly decoder = new TextDecoder();
  private console = '';
  private waiters: Array<() => void> = [];
  private started = performance.now();
  private isInteractive = true;
  private fetched: string[] | undefined;
  private labCopies = 0;
  /** Resolves once v86 has loaded its files (and restored the state, if any) and runs. */
  private readonly loaded: Promise<void>;

  constructor(private readonly options: VmOptions) {
    const file = options.manifestFile;
    this.manifest = readManifest(file);
    const m = this.manifest;
    const memoryMiB = options.memoryMiB ?? 256;
    if (memoryMiB > 256) throw new Error(`memory ${memoryMiB} MiB is over the lab VM's budget of 256 MiB`);
    const filesystem = options.stateFile
      ? // The state holds the file tree: only the file contents are fetched.
        {baseurl: resolveIn(file, m.rootfs.files)}
      : {baseurl: resolveIn(file, m.rootfs.files), basefs: resolveIn(file, m.rootfs.index.path)};
    this.emulator = new V86({
      wasm_path: require.resolve('v86/build/v86.wasm'),
      memory_size: memoryMiB * 1024 * 1024,
      vga_memory_size: 2 * 1024 * 1024,
      bios: {url: resolveIn(file, m.bios.path)},
      vga_bios: {url: resolveIn(file, m.vgaBios.path)},
      ...(options.stateFile
        ? {initial_state: {buffer: toArrayBuffer(readFileSync(options.stateFile))}}
        : {
            bzimage: {url: resolveIn(file, m.kernel.path)},
            initrd: {url: resolveIn(file, m.initrd.path)},
            cmdline: [m.cmdline, options.extraCmdline].filter(Boolean).join(' '),
          }),
      filesystem,
      autostart: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      // Free page hinting: before a state is saved, the guest reports its
      // free memory and v86 zeroes it (see zeroFreeMemory).
      virtio_balloon: true,
    });
    this.loaded = new Promise((resolve) =>
      this.emulator.add_listener('emulator-loaded', () => {
        this.countFetches();
        resolve();
      }),
    );
    this.emulator.add_listener('serial0-output-byte', (byte: number) => {
      const text = this.decoder.decode(new Uint8Array([byte]), {stream: true});
      if (text === '') return;
      options.echo?.write(text);
      this.console += text;
      if (this.console.length > 1_000_000) this.console = this.console.slice(-CONSOLE_TAIL);
      for (const wake of this.waiters.splice(0)) wake();
    });
  }

  /** Milliseconds since the VM was created. */
  elapsed(): number {
    return performance.now() - this.started;
  }

  /** Everything the console printed so far (the end of it, for long sessions). */
  consoleText(): string {
    return this.console;
  }

  /** Resolves when the console text satisfies test, or rejects after timeoutMs. */
  async waitFor(test: (text: string) => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!test(this.console)) {
      const left = deadline - performance.now();
      if (left <= 0) {
        throw new Error(
          `lab VM: gave up after ${Math.round(timeoutMs / 1000)} s waiting for ${what}; the console ended with:\n${this.console.slice(-CONSOLE_TAIL)}`,
        );
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.min(left, 500));
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Waits for the shell prompt: after a boot, after restoring a state, or after a command. */
  async waitForPrompt(timeoutMs = 90_000): Promise<void> {
    await this.waitFor((text) => PROMPT.test(text), timeoutMs, 'the shell prompt');
  }

  /**
   * After a restore the prompt was printed before the state was saved: a new
   * line makes the shell print it again.
   */
  async poke(timeoutMs = 30_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    await this.loaded;
    this.console = '';
    this.emulator.serial0_send('\n');
    await this.waitForPrompt(Math.max(0, deadline - performance.now()));
  }

  /**
   * Turns off line editing and echo, so that a command's output comes back
   * without the command itself, and history expansion, so that a '!' in a
   * command is just a character. The reader's terminal keeps all three.
   */
  private async quiet(): Promise<void> {
    if (!this.isInteractive) return;
    this.console = '';
    this.emulator.serial0_send('set +o emacs +o vi +o histexpand; stty -echo\n');
    await this.waitForPrompt(30_000);
    this.isInteractive = false;
  }

  /** Line editing and echo back on, as a reader's terminal has them. */
  async interactive(): Promise<void> {
    if (this.isInteractive) return;
    this.console = '';
    this.emulator.serial0_send('set -o emacs -o histexpand; stty echo\n');
    await this.waitForPrompt(30_000);
    this.isInteractive = true;
  }

  /** Runs a shell command line and returns what it printed and its exit status. */
  async run(command: string, timeoutMs = 120_000): Promise<RunResult> {
    if (command.includes('\n')) throw new Error('lab VM: run() takes one line; copy longer scripts in with writeFile()');
    await this.quiet();
    // The markers are written with octal escapes, so they appear in the output only when printf runs.
    const begin = '\u001eBEGIN\u001f';
    // eslint-disable-next-line no-control-regex -- the markers are control characters, so no program output can contain them by accident
    const end = /\u001eEND (\d+)\u001f\r?\n/;
    this.console = '';
    const t0 = performance.now();
    // One line; stdin from /dev/null, so that a program that reads its input
    // cannot swallow what is typed after it; output through a pipe, as when a
    // test runs a lab on the host. On the terminal itself, 'timeout N socat'
    // hangs: timeout puts socat in a background process group, and socat is
    // stopped (SIGTTOU) when it restores the terminal's settings at exit.
    this.emulator.serial0_send(
      `printf '\\036BEGIN\\037\\n'; ( ${command} ) </dev/null 2>&1 | cat; printf '\\036END %d\\037\\n' "\${PIPESTATUS[0]}"\n`,
    );
    await this.waitFor((text) => end.test(text) && PROMPT.test(text), timeoutMs, `the command to finish: ${command}`);
    const ms = performance.now() - t0;
    const text = this.console;
    const from = text.indexOf(begin);
    const match = end.exec(text);
    if (from < 0 || !match) throw new Error(`lab VM: the output markers of '${command}' are missing:\n${text.slice(-CONSOLE_TAIL)}`);
    // Drop the prompt the shell printed between the command and the end marker.
    const output = text
      .slice(from + begin.length, match.index)
      .replace(/^\r?\n/, '')
      .replace(/root@lab:[^\n]*# $/, '')
      .replace(/\r\n/g, '\n');
    return {output, status: Number(match[1]), ms};
  }

  /**
   * Copies labsDir/NAME.sh and labsDir/lib.sh into a fresh folder in the
   * guest and runs the lab there, through a pipe as the tests run labs on the
   * host. Rejects if it runs longer than timeoutMs: the shell is then busy,
   * and the VM should be destroyed.
   */
  async runLab(labsDir: string, name: string, timeoutMs: number): Promise<RunResult> {
    // A new folder each time: the guest caches 9p lookups, and a name it has
    // already looked up could be stale.
    const dir = `/root/labs-${process.pid}-${this.labCopies++}`;
    const made = await this.run(`mkdir ${dir}`);
    if (made.status !== 0) throw new Error(`lab VM: cannot make ${dir}: ${made.output}`);
    await this.writeFile(`${dir}/lib.sh`, readFileSync(path.join(labsDir, 'lib.sh')));
    await this.writeFile(`${dir}/${name}.sh`, readFileSync(path.join(labsDir, `${name}.sh`)));
    return this.run(`bash ${dir}/${name}.sh`, timeoutMs);
  }

  /** Writes a file into the guest's root file system (the directory must exist). */
  async writeFile(guestPath: string, data: Uint8Array | string): Promise<void> {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : data;
    await this.emulator.create_file(guestPath, bytes);
  }

  /**
   * Asks the guest's virtio-balloon driver for its free pages, which v86
   * zeroes: a state leaves zero pages out. Reads v86 internals (its balloon
   * has no public API); returns the bytes zeroed.
   */
  async zeroFreeMemory(timeoutMs = 30_000): Promise<number> {
    const balloon = (
      this.emulator as unknown as {v86?: {cpu?: {devices?: {virtio_balloon?: {Cleanup?: (done: (zeroed: number) => void) => void}}}}}
    ).v86?.cpu?.devices?.virtio_balloon;
    if (typeof balloon?.Cleanup !== 'function') throw new Error('lab VM: v86 has no virtio-balloon Cleanup (did v86 change?)');
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `lab VM: the balloon did not report free pages within ${timeoutMs / 1000} s (is virtio_balloon loaded in the guest?)`,
            ),
          ),
        timeoutMs,
      );
      balloon.Cleanup!((zeroed) => {
        clearTimeout(timer);
        resolve(zeroed);
      });
    });
  }

  async saveState(): Promise<ArrayBuffer> {
    return this.emulator.save_state();
  }

  /** Wraps v86's file loader (it exists once v86 has loaded), the 9p file system's only way to the file folder. */
  private countFetches(): void {
    type Loader = (name: string, size: number) => Promise<Uint8Array>;
    const storage = (this.emulator as unknown as {fs9p?: {storage?: {load_from_server?: Loader}}}).fs9p?.storage;
    const load = storage?.load_from_server;
    if (storage && typeof load === 'function') {
      const fetched: string[] = (this.fetched = []);
      storage.load_from_server = (name, size) => {
        fetched.push(name);
        return load.call(storage, name, size);
      };
    }
  }

  /**
   * The stored files (by name) that the 9p file system has fetched from the
   * file folder so far, a name again each time it was fetched again. Counted
   * by wrapping v86's file loader, an internal: undefined if v86 changed it.
   */
  fetchedFiles(): string[] | undefined {
    return this.fetched;
  }

  async destroy(): Promise<void> {
    await this.emulator.destroy();
  }
}

function toArrayBuffer(data: Buffer): ArrayBuffer {
  return data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;
}
