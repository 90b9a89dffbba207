import assert from 'node:assert/strict';
import {readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {describe, test} from 'node:test';

/**
 * The import rules of ARCHITECTURE.md, checked on the source: arrows run one
 * way, so that a feature can be understood, moved or deleted as a folder.
 */
const ROOT = path.resolve(__dirname, '../..');
const SRC = path.join(ROOT, 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    // Installed packages, and work copies such as bench/.work (git-ignored), are not our code.
    if (name === 'node_modules' || name.startsWith('.') || p === path.join(ROOT, 'bench/results')) return [];
    return statSync(p).isDirectory() ? sourceFiles(p) : /\.(ts|tsx)$/.test(name) ? [p] : [];
  });
}

/** Every module a file imports, as an absolute path for relative or @site imports, else the bare specifier. */
export function importsOf(file: string, text = readFileSync(file, 'utf8')): string[] {
  const specifiers = [
    ...text.matchAll(
      /(?:^|\n)\s*(?:import|export)\s[^'";]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|require\(\s*['"]([^'"]+)['"]\s*\)/g,
    ),
  ].map((m) => m[1] ?? m[2] ?? m[3] ?? '');
  return specifiers.map((s) =>
    s.startsWith('.') ? path.resolve(path.dirname(file), s) : s.startsWith('@site/') ? path.join(ROOT, s.slice(6)) : s,
  );
}

const rel = (p: string) => path.relative(ROOT, p);
const files = sourceFiles(SRC);
/** Code that runs in Node during the build: remark and Docusaurus plugins, what they share, and the data they read. */
const buildTime = files.filter(
  (f) =>
    /[\\/]features[\\/][^\\/]+[\\/](remark|plugin|renderer|store|compact|highlight)\.ts$/.test(f) || f.startsWith(path.join(SRC, 'build')),
);

describe('import rules (ARCHITECTURE.md)', () => {
  test('the rule finder sees relative, @site and bare imports', () => {
    const fake = path.join(SRC, 'features/x/remark.ts');
    assert.deepEqual(importsOf(fake, "import a from './plugin';\nimport type {B} from '@site/scripts/lib/y';\nimport c from 'mdast';"), [
      path.join(SRC, 'features/x/plugin'),
      path.join(ROOT, 'scripts/lib/y'),
      'mdast',
    ]);
  });

  test('nothing in src/ imports scripts/, tests/ or bench/', () => {
    const bad = files.flatMap((f) =>
      importsOf(f)
        .filter((i) => ['scripts', 'tests', 'bench'].some((d) => i.startsWith(path.join(ROOT, d) + path.sep)))
        .map((i) => `${rel(f)} imports ${rel(i)}`),
    );
    assert.deepEqual(bad, []);
  });

  test('a remark plugin never imports a Docusaurus plugin', () => {
    const bad = files
      .filter((f) => f.endsWith(`${path.sep}remark.ts`))
      .flatMap((f) =>
        importsOf(f)
          .filter((i) => /[\\/](plugin|client-mermaid-plugin)(\.ts)?$/.test(i))
          .map((i) => `${rel(f)} imports ${rel(i)}`),
      );
    assert.deepEqual(bad, []);
  });

  test('build-time code never imports a React component', () => {
    assert.ok(buildTime.length >= 10, `only ${buildTime.length} build-time modules found`);
    const isComponent = (i: string) => {
      if (!i.startsWith(SRC)) return false;
      const candidates = [`${i}.tsx`, path.join(i, 'index.tsx')];
      return i.endsWith('.tsx') || candidates.some((c) => files.includes(c));
    };
    const bad = buildTime.flatMap((f) =>
      importsOf(f)
        .filter(isComponent)
        .map((i) => `${rel(f)} imports ${rel(i)}`),
    );
    assert.deepEqual(bad, []);
  });

  test('a feature reaches into another feature only for what both must share', () => {
    // A lab's script and output are code listings, highlighted and shown as every other; a lab
    // carries the button that runs it in the lab VM; an exercise's steps are listings too.
    const allowed = new Set([
      'features/labs/remark.ts -> features/code-listings/highlight',
      'features/labs/Lab/index.tsx -> features/code-listings/Listing',
      'features/labs/Lab/index.tsx -> features/lab-vm/RunInBrowser',
      'features/labs/Exercise/index.tsx -> features/code-listings/Listing',
      'features/labs/Exercise/Solution/index.tsx -> features/code-listings/Listing',
      // The search index leaves out lab listings and the Pitfalls pointer by the class their features give them.
      'features/search/plugin.ts -> features/labs/listing-class',
      'features/search/plugin.ts -> features/incidents/pointer-class',
      // A diagram's Markdown copy is its Mermaid source, found by the id the diagram feature gives it;
      // the PDF book fills in the SVG as the diagram feature does, since that feature's postBuild runs alongside.
      'features/markdown-copies/plugin.ts -> features/diagrams/store',
      'features/books/plugin.ts -> features/diagrams/plugin',
      // "View as Markdown" links the copy where the Markdown feature writes it.
      'features/page-actions/PageActions/index.tsx -> features/markdown-copies/url',
    ]);
    const bad = files
      .filter((f) => f.startsWith(path.join(SRC, 'features')))
      .flatMap((f) => {
        const own = path.relative(SRC, f).split(path.sep).slice(0, 2).join('/');
        return importsOf(f)
          .filter((i) => i.startsWith(path.join(SRC, 'features')) && !path.relative(SRC, i).startsWith(own + '/'))
          .map((i) => `${path.relative(SRC, f)} -> ${path.relative(SRC, i).replace(/\.tsx?$/, '')}`)
          .filter((edge) => !allowed.has(edge));
      });
    assert.deepEqual(bad, []);
  });
});

describe('dependencies', () => {
  const pkg = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies: Record<string, string>;
    devDependencies: Record<string, string>;
  };
  const declared = new Set([...Object.keys(pkg.dependencies), ...Object.keys(pkg.devDependencies)]);
  const packageOf = (specifier: string) =>
    specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
  /** Modules that Docusaurus's bundler provides by alias, not packages of their own. */
  const ALIASES =
    /^(@theme|@theme-original|@theme-init|@generated)\/|^@docusaurus\/(Link|Translate|Head|useBaseUrl|useIsBrowser|router|BrowserOnly|useDocusaurusContext|ExecutionEnvironment|Interpolate|isInternalUrl|ErrorBoundary|useGlobalData|useRouteContext|useBrokenLinks|Noop|constants)$/;
  /** Type-only packages whose types live in @types/. */
  const typesOf = (name: string) => (declared.has(name) ? name : `@types/${name}`);

  test('every package the code imports, or reaches by a node_modules path, is declared in package.json', () => {
    const code = ['src', 'scripts', 'tests', 'bench']
      .flatMap((d) => sourceFiles(path.join(ROOT, d)))
      .concat(['docusaurus.config.ts', 'sidebars.ts'].map((f) => path.join(ROOT, f)));
    const missing = new Set<string>();
    for (const file of code) {
      const text = readFileSync(file, 'utf8');
      const bare = importsOf(file, text).filter((i) => !path.isAbsolute(i) && !i.startsWith('node:') && !ALIASES.test(i));
      // Paths into node_modules and template-literal requires name a package as surely as an import does.
      const byPath = [
        ...text.matchAll(/['"`/]node_modules\/((?:@[\w.-]+\/)?[\w.-]+)/g),
        ...text.matchAll(/join\([^)]*'node_modules',\s*'((?:@[\w.-]+\/)?[\w.-]+)'/g),
      ].map((m) => m[1]!);
      const byTemplate = [...text.matchAll(/require\(`((?:@[\w.-]+\/)?[\w.-]+)\//g)].map((m) => m[1]!);
      for (const spec of [...bare, ...byPath, ...byTemplate]) {
        const name = packageOf(spec);
        if (name.startsWith('.')) continue;
        if (!declared.has(typesOf(name))) missing.add(`${name} (${rel(file)})`);
      }
    }
    assert.deepEqual([...missing], []);
  });
});
