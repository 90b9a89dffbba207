import {createHash} from 'node:crypto';
import {copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {normalizeUrl} from '@docusaurus/utils';
import {PLUGIN_NAME, type LabVmData} from './data';
import {labVmDir, manifestFile, readManifest, readStateInfo, resolveIn, stateFile} from './manifest';

interface Image {
  dir: string;
  inputsKey: string;
  memoryMiB: number;
  stateFile: string;
  filesDir: string;
}

/** The image and its saved state, or why this build cannot have them. */
function findImage(dir: string): Image | {why: 'missing' | 'stale'; detail: string} {
  const manifestAt = manifestFile(dir);
  const stateAt = stateFile(dir);
  if (!existsSync(manifestAt)) return {why: 'missing', detail: `${manifestAt} does not exist`};
  if (!existsSync(stateAt)) return {why: 'missing', detail: `${stateAt} does not exist`};
  const manifest = readManifest(manifestAt);
  const state = readStateInfo(stateAt);
  if (state.inputsKey !== manifest.inputsKey) {
    return {why: 'stale', detail: `${stateAt} was saved from image ${state.inputsKey}, the image is ${manifest.inputsKey}`};
  }
  return {
    dir,
    inputsKey: manifest.inputsKey,
    memoryMiB: state.memoryMiB,
    stateFile: stateAt,
    filesDir: resolveIn(manifestAt, manifest.rootfs.files),
  };
}

/** Hard link (the build and the cache share a disk; 62 MB of files), else copy. */
function place(from: string, to: string): void {
  if (existsSync(to)) return;
  try {
    linkSync(from, to);
  } catch {
    copyFileSync(from, to);
  }
}

function shortHash(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 12);
}

/**
 * The lab VM in the built site: puts v86, the saved state and the root file
 * system's files under /assets/lab-vm/ (content-named, so cached for good)
 * and the lab scripts under /lab-vm/labs/, and tells the page where they are.
 * A build without the image still succeeds: the page then explains how to
 * build it, and the build log says so.
 */
export default function labVmPlugin(context: LoadContext): Plugin {
  const {i18n, siteDir} = context;
  const localePath = i18n.currentLocale === i18n.defaultLocale ? '' : (i18n.localeConfigs[i18n.currentLocale]?.path ?? i18n.currentLocale);
  // The files are shared by the locales: they live at the site's root, not under /zh-Hans/.
  const siteBase =
    localePath && context.baseUrl.endsWith(`/${localePath}/`) ? context.baseUrl.slice(0, -localePath.length - 1) : context.baseUrl;
  const v86Dir = path.dirname(require.resolve('v86/build/v86.wasm'));
  const labsDir = path.join(siteDir, 'labs');

  return {
    name: PLUGIN_NAME,
    loadContent(): Promise<LabVmData> {
      if (process.env.NODE_ENV !== 'production') return Promise.resolve({available: false, why: 'dev'});
      const image = findImage(labVmDir());
      if ('why' in image) {
        if (!localePath) {
          console.warn(
            `[lab-vm] This site is built WITHOUT the lab VM (${image.detail}): the "Run in your browser" buttons explain how to get it. Build the VM with: sudo npm run build:lab-vm`,
          );
        }
        return Promise.resolve({available: false, why: image.why});
      }
      const assets = normalizeUrl([siteBase, 'assets/lab-vm']);
      return Promise.resolve({
        available: true,
        libUrl: `${assets}/libv86-${shortHash(path.join(v86Dir, 'libv86.mjs'))}.js`,
        wasmUrl: `${assets}/v86-${shortHash(path.join(v86Dir, 'v86.wasm'))}.wasm`,
        stateUrl: `${assets}/${image.inputsKey}/lab-vm.state.zst`,
        stateBytes: statSync(image.stateFile).size,
        memoryMiB: image.memoryMiB,
        filesUrl: `${assets}/files/`,
        labsUrl: normalizeUrl([siteBase, 'lab-vm/labs/']),
      });
    },
    contentLoaded({content, actions}) {
      actions.setGlobalData(content);
      return Promise.resolve();
    },
    postBuild({outDir, content: loaded}) {
      const content = loaded as LabVmData;
      if (!content.available) return Promise.resolve();
      // A build of one locale alone (`--locale zh-Hans`) writes it at the top of build/, not in build/zh-Hans/.
      const root = localePath && path.basename(outDir) === localePath ? path.dirname(outDir) : outDir;
      const fromUrl = (url: string) => path.join(root, url.slice(siteBase.length));
      const image = findImage(labVmDir());
      if ('why' in image) throw new Error(`[lab-vm] the image changed during the build: ${image.detail}`);
      mkdirSync(path.dirname(fromUrl(content.stateUrl)), {recursive: true});
      place(path.join(v86Dir, 'libv86.mjs'), fromUrl(content.libUrl));
      place(path.join(v86Dir, 'v86.wasm'), fromUrl(content.wasmUrl));
      place(image.stateFile, fromUrl(content.stateUrl));
      const files = fromUrl(content.filesUrl);
      mkdirSync(files, {recursive: true});
      for (const name of readdirSync(image.filesDir)) place(path.join(image.filesDir, name), path.join(files, name));
      const labs = fromUrl(content.labsUrl);
      mkdirSync(labs, {recursive: true});
      for (const name of readdirSync(labsDir).filter((f) => f.endsWith('.sh')))
        copyFileSync(path.join(labsDir, name), path.join(labs, name));
      return Promise.resolve();
    },
  };
}
