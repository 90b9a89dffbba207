/**
 * The reference catalogue: one module per category, validated on import, so a
 * bad entry stops the build (and the tests) with its module, id and field.
 */
import booksPapers from './books-papers';
import chineseReading from './chinese-reading';
import dns from './dns';
import docker from './docker';
import ingressGateways from './ingress-gateways';
import kubernetesArticles from './kubernetes-articles';
import kubernetesDocs from './kubernetes-docs';
import linuxKernel from './linux-kernel';
import networking101 from './networking-101';
import otherTools from './other-tools';
import proxies from './proxies';
import sdnCni from './sdn-cni';
import serviceMesh from './service-mesh';
import {validateCatalogue} from './schema';
import type {CategoryId} from './vocabulary';
import type {Reference} from './types';

export const catalogueModules: Record<CategoryId, Reference[]> = {
  'networking-101': networking101,
  'linux-kernel': linuxKernel,
  docker,
  'kubernetes-docs': kubernetesDocs,
  'kubernetes-articles': kubernetesArticles,
  'sdn-cni': sdnCni,
  dns,
  proxies,
  'ingress-gateways': ingressGateways,
  'service-mesh': serviceMesh,
  'other-tools': otherTools,
  'books-papers': booksPapers,
  'chinese-reading': chineseReading,
};

export const references: Reference[] = validateCatalogue(catalogueModules);

export {CATEGORIES, KINDS, LANGUAGES, STATUSES, TOPICS} from './vocabulary';
export type {Bilingual, CategoryId, Kind, Language, StatusState, Topic} from './vocabulary';
export type {Reference, Status} from './types';
