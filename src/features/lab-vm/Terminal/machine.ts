/**
 * The lab VM in the page: v86 restored from the state saved after boot (a
 * restore takes seconds, a boot tens of seconds), its first serial port wired
 * to a terminal. Runs in the browser only, loaded when a reader asks for it.
 */
import type {V86 as V86Type} from 'v86';
import type {LabVmData} from '../data';

type Available = Extract<LabVmData, {available: true}>;

/** What the page shows while the machine gets ready. */
export type Progress = {stage: 'download'; loaded: number; total: number} | {stage: 'start'};

/** A failure the reader can act on: `kind` picks the message. */
export class MachineError extends Error {
  constructor(
    readonly kind: 'download' | 'memory' | 'timeout' | 'unsupported',
    message: string,
  ) {
    super(message);
  }
}

/** The prompt of the VM's shell (scripts/lab-vm/rootfs/root/.bashrc). */
const PROMPT = /root@lab:[^\n]*# $/;
/** From the end of the download to the prompt; a restore takes seconds, a slow phone minutes. */
export const PROMPT_TIMEOUT_MS = 90_000;

/** What a machine needs that does not change between resets: downloaded once per page. */
export interface Downloads {
  v86: typeof V86Type;
  wasm: WebAssembly.Module;
  state: ArrayBuffer;
}

async function download(url: string, onBytes: (loaded: number) => void, signal: AbortSignal): Promise<ArrayBuffer> {
  let response: Response;
  try {
    response = await fetch(url, {signal});
  } catch (error) {
    if (signal.aborted) throw error;
    throw new MachineError('download', `${url}: ${String(error)}`);
  }
  if (!response.ok || !response.body) throw new MachineError('download', `${url}: HTTP ${response.status}`);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let loaded = 0;
  try {
    for (;;) {
      const {done, value} = await reader.read();
      if (done) break;
      chunks.push(value);
      loaded += value.byteLength;
      onBytes(loaded);
    }
  } catch (error) {
    if (signal.aborted) throw error;
    throw new MachineError('download', `${url}: the download broke off after ${loaded} bytes (${String(error)})`);
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes.buffer;
}

/** Fetches v86, its WebAssembly and the saved state, reporting the bytes as they come. */
export async function fetchDownloads(data: Available, onProgress: (p: Progress) => void, signal: AbortSignal): Promise<Downloads> {
  if (typeof WebAssembly !== 'object') throw new MachineError('unsupported', 'WebAssembly is not available');
  // Sizes known in advance: the state's from the build; v86 is about 2 MB.
  const sizes = {lib: 360_000, wasm: 2_100_000, state: data.stateBytes};
  const loaded = {lib: 0, wasm: 0, state: 0};
  const total = () => sizes.lib + sizes.wasm + sizes.state;
  const report = (part: keyof typeof loaded) => (bytes: number) => {
    loaded[part] = bytes;
    onProgress({stage: 'download', loaded: loaded.lib + loaded.wasm + loaded.state, total: total()});
  };
  report('lib')(0);
  const [lib, wasmBytes, state] = await Promise.all([
    download(data.libUrl, report('lib'), signal),
    download(data.wasmUrl, report('wasm'), signal),
    download(data.stateUrl, report('state'), signal),
  ]);
  // The module is loaded from a blob of the bytes just fetched, so that the one download counts towards progress.
  const libBlob = URL.createObjectURL(new Blob([lib], {type: 'text/javascript'}));
  try {
    const module = (await import(/* webpackIgnore: true */ libBlob)) as {V86: typeof V86Type};
    return {v86: module.V86, wasm: await WebAssembly.compile(wasmBytes), state};
  } finally {
    URL.revokeObjectURL(libBlob);
  }
}

export interface Machine {
  send(text: string): void;
  /** Writes a file into the guest (its folder must exist). */
  writeFile(path: string, text: string): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * Restores the saved state, waits for the prompt, puts the lab's script and
 * lib.sh in /root, and sizes the terminal. Output before that is held back
 * (`onOutput` starts with the prompt). Rejects with a MachineError on timeout.
 */
export async function startMachine(
  data: Available,
  downloads: Downloads,
  lab: {name: string; files: Record<string, string>},
  size: {cols: number; rows: number},
  onOutput: (bytes: Uint8Array) => void,
  signal: AbortSignal,
): Promise<Machine> {
  let emulator: V86Type;
  try {
    emulator = new downloads.v86({
      wasm_fn: async (imports: WebAssembly.Imports) => (await WebAssembly.instantiate(downloads.wasm, imports)).exports,
      memory_size: data.memoryMiB * 1024 * 1024,
      // Both as when the state was saved (scripts/lab-vm/vm.ts): a state fits only the machine it came from.
      vga_memory_size: 2 * 1024 * 1024,
      virtio_balloon: true,
      // v86 keeps the buffer it is given: a copy, so that Reset can restore the same state again.
      initial_state: {buffer: downloads.state.slice(0)},
      filesystem: {baseurl: new URL(data.filesUrl, window.location.href).href},
      autostart: true,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
    });
  } catch (error) {
    throw new MachineError('memory', String(error));
  }
  let console = '';
  let shown = false;
  const decoder = new TextDecoder();
  let waiter: (() => void) | undefined;
  let pending: number[] = [];
  let flush: ReturnType<typeof setTimeout> | undefined;
  emulator.add_listener('serial0-output-byte', (byte: number) => {
    if (shown) {
      // One write per burst: xterm renders per write.
      pending.push(byte);
      flush ??= setTimeout(() => {
        const bytes = new Uint8Array(pending);
        pending = [];
        flush = undefined;
        onOutput(bytes);
      }, 8);
      return;
    }
    console += decoder.decode(new Uint8Array([byte]), {stream: true});
    waiter?.();
  });
  const destroy = async () => {
    if (flush) clearTimeout(flush);
    await emulator.destroy();
  };
  const waitForPrompt = (what: string, deadline: number) =>
    new Promise<void>((resolve, reject) => {
      const check = () => {
        if (PROMPT.test(console)) {
          clearTimeout(timer);
          signal.removeEventListener('abort', abort);
          waiter = undefined;
          resolve();
        }
      };
      const abort = () => {
        clearTimeout(timer);
        reject(new DOMException('aborted', 'AbortError'));
      };
      const timer = setTimeout(
        () =>
          reject(
            new MachineError(
              'timeout',
              `no shell prompt ${what} after ${PROMPT_TIMEOUT_MS / 1000} s; the console ended with: ${console.slice(-300)}`,
            ),
          ),
        Math.max(0, deadline - performance.now()),
      );
      signal.addEventListener('abort', abort);
      waiter = check;
      check();
    });
  try {
    const deadline = performance.now() + PROMPT_TIMEOUT_MS;
    await new Promise<void>((resolve) => emulator.add_listener('emulator-loaded', () => resolve()));
    // The state was saved at the prompt: a new line makes the shell print it again.
    console = '';
    emulator.serial0_send('\n');
    await waitForPrompt('after the restore', deadline);
    for (const [file, text] of Object.entries(lab.files)) await emulator.create_file(`/root/${file}`, new TextEncoder().encode(text));
    // The serial line has no size of its own; history -c keeps this line out of the reader's history.
    console = '';
    emulator.serial0_send(`cd /root && stty rows ${size.rows} cols ${size.cols}; history -c\n`);
    await waitForPrompt('after the set-up', deadline);
  } catch (error) {
    await destroy();
    throw error;
  }
  onOutput(new TextEncoder().encode(console.slice(console.lastIndexOf('\n') + 1)));
  shown = true;
  return {
    send: (text) => emulator.serial0_send(text),
    writeFile: (file, text) => emulator.create_file(file, new TextEncoder().encode(text)),
    destroy,
  };
}
