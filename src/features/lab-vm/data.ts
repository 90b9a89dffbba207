/**
 * What the lab-vm plugin tells the page (global data): where the VM's files
 * are in this build, or why this build has none. Plain types: the page
 * imports this file.
 */
export type LabVmData =
  | {
      available: true;
      /** v86's emulator (ES module) and its WebAssembly, copied from the v86 package. */
      libUrl: string;
      wasmUrl: string;
      /** The machine's memory, zstd-compressed, saved after boot: restored instead of booting. */
      stateUrl: string;
      stateBytes: number;
      /** Memory size the state was saved with: v86 must be given the same. */
      memoryMiB: number;
      /** Folder of the root file system's files, fetched one by one as the guest opens them. */
      filesUrl: string;
      /** Folder of labs/*.sh and lib.sh. */
      labsUrl: string;
    }
  | {
      available: false;
      /** missing: no image was built; stale: the saved state does not match the image; dev: the dev server does not serve it. */
      why: 'missing' | 'stale' | 'dev';
    };

export const PLUGIN_NAME = 'lab-vm';
