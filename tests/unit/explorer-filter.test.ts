import assert from 'node:assert/strict';
import {describe, test} from 'node:test';
import {EMPTY_STATE, filterReferences, parseState, serialiseState} from '../../src/features/references/ReferenceExplorer/filter';
import type {LocalisedReference} from '../../src/data/references/localised';

const entry = (id: string, extra: Partial<LocalisedReference> & {searchText: string}): LocalisedReference => ({
  id,
  title: id,
  url: `https://example.invalid/${id}`,
  authors: [],
  kind: 'article',
  category: 'linux-kernel',
  topics: ['namespaces'],
  language: 'en',
  summary: '',
  addedByGuide: false,
  status: {state: 'active', checked: '2026-11-22'},
  ...extra,
});

const catalogue = [
  entry('lwn', {searchText: 'network namespaces\nhow the kernel isolates 网络命名空间', kind: 'article'}),
  entry('k8s-dns', {
    searchText: 'dns for services and pods\n服务与 pod 的 dns',
    kind: 'docs',
    category: 'kubernetes-docs',
    topics: ['dns'],
    status: {state: 'superseded', checked: '2026-11-22'},
  }),
  entry('zh-notes', {searchText: 'docker的网络基础\n讲解 docker 网桥', language: 'zh', topics: ['docker', 'bridge']}),
];

describe('reference explorer filtering', () => {
  test('a Chinese substring matches inside a longer word', () => {
    assert.deepEqual(
      filterReferences(catalogue, {...EMPTY_STATE, q: '命名空间'}).map((e) => e.id),
      ['lwn'],
    );
    assert.deepEqual(
      filterReferences(catalogue, {...EMPTY_STATE, q: '网桥'}).map((e) => e.id),
      ['zh-notes'],
    );
  });

  test('every term must match, case-insensitively', () => {
    assert.deepEqual(
      filterReferences(catalogue, {...EMPTY_STATE, q: 'DNS pods'}).map((e) => e.id),
      ['k8s-dns'],
    );
    assert.deepEqual(filterReferences(catalogue, {...EMPTY_STATE, q: 'dns kernel'}), []);
  });

  test('facets narrow the list, topic by membership', () => {
    assert.deepEqual(
      filterReferences(catalogue, {...EMPTY_STATE, topic: 'bridge'}).map((e) => e.id),
      ['zh-notes'],
    );
    assert.deepEqual(
      filterReferences(catalogue, {...EMPTY_STATE, status: 'superseded'}).map((e) => e.id),
      ['k8s-dns'],
    );
    assert.deepEqual(
      filterReferences(catalogue, {...EMPTY_STATE, language: 'zh', q: 'docker'}).map((e) => e.id),
      ['zh-notes'],
    );
  });

  test('the state round-trips through the query string', () => {
    const state = {...EMPTY_STATE, q: '网络 命名空间', topic: 'dns', status: 'active'};
    assert.deepEqual(parseState(serialiseState(state)), state);
    assert.equal(serialiseState(EMPTY_STATE), '');
  });
});
