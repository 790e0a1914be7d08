// The layers of plainly (see docs/architecture.md), enforced by tests/architecture.test.ts.
// From the top down; a folder may import only from the layers below it:
//
//   cli | index.ts  the command | the library API (nothing imports either)
//   batch | app     finding, ignoring, caching and pooling files; settings for each file |
//                   the web page (bundled by scripts/build-app.mjs; nothing imports it)
//   io | reporters  files, settings and caches on disk | reports (neither imports the other)
//   core            the checker: a document in, its result out (no files, no Node)
//   plugins         the retext plugins and the rules they report
//   glossary        glossary data: reading, layering, compiling, matching
//   shared, types   small helpers and the public types
const LAYERS = [
  ['shared', '^src/(shared/|types\\.ts$)'],
  ['glossary', '^src/glossary/'],
  ['plugins', '^src/plugins/'],
  ['core', '^src/core/'],
  ['io', '^src/(io/|version\\.ts$)'],
  ['reporters', '^src/reporters/'],
  ['batch', '^src/batch/'],
  ['app', '^src/app/'],
  ['cli', '^src/cli/'],
  ['api', '^src/index\\.ts$']
]
// Layers of the same rank do not import each other.
const rank = {shared: 0, glossary: 1, plugins: 2, core: 3, io: 4, reporters: 4, batch: 5, app: 5, cli: 6, api: 6}
const pathOf = Object.fromEntries(LAYERS)

const upward = LAYERS.map(([name, from]) => ({
  name: `no-upward-from-${name}`,
  comment: `${name} may import only from the layers below it (docs/architecture.md)`,
  severity: 'error',
  from: {path: from},
  to: {path: LAYERS.filter(([other]) => other !== name && rank[other] >= rank[name]).map(([, path]) => path)}
})).filter((rule) => rule.to.path.length > 0)

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    ...upward,
    {name: 'no-circular', comment: 'no loops of imports, in a folder or across folders', severity: 'error', from: {}, to: {circular: true}},
    {
      name: 'pure-checker',
      comment: 'the checker and all it uses run anywhere (a browser, a worker): none of Node; nor does the web page',
      severity: 'error',
      from: {path: [pathOf.shared, pathOf.glossary, pathOf.plugins, pathOf.core, pathOf.app]},
      to: {dependencyTypes: ['core']}
    },
    {name: 'no-dist', comment: 'src/ and tests/ never import the build (dist/); tests of the bundle spawn bin/plainly.js', severity: 'error', from: {path: '^(src|tests)/'}, to: {path: '^dist/'}},
    {name: 'not-to-unresolvable', comment: 'every import resolves', severity: 'error', from: {path: '^src/'}, to: {couldNotResolve: true}}
  ],
  options: {
    doNotFollow: {path: 'node_modules'},
    tsConfig: {fileName: 'tsconfig.json'},
    tsPreCompilationDeps: true,
    combinedDependencies: false,
    exclude: {path: '^(dist|node_modules)/'}
  }
}
