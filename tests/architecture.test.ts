/**
 * The layers of docs/architecture.md, enforced with dependency-cruiser
 * (.dependency-cruiser.cjs): no import runs back up a layer, no loops, none
 * of Node in the checker and what it uses, and nothing imports dist/.
 */
import {readdirSync, readFileSync} from 'node:fs'
import {createRequire} from 'node:module'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {cruise, type ICruiseResult, type IConfiguration} from 'dependency-cruiser'
import {describe, expect, it} from 'vitest'
import {tempDir} from './helpers.js'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')
const config = createRequire(import.meta.url)(path.join(root, '.dependency-cruiser.cjs')) as IConfiguration

async function violations(folders: string[], baseDir: string, options: IConfiguration['options'] = config.options) {
  const result = (await cruise(folders, {...options, baseDir, ruleSet: {forbidden: config.forbidden}, validate: true})).output as ICruiseResult
  return {
    modules: result.summary.totalCruised,
    found: result.summary.violations.map((violation) => `${violation.rule.name}: ${violation.from} -> ${violation.to}`)
  }
}

describe('the layers', () => {
  it('hold in src/ and tests/', async () => {
    const {modules, found} = await violations(['src', 'tests'], root)
    expect(found).toEqual([])
    expect(modules).toBeGreaterThan(100)
  }, 60_000)

  it('leave process.exit to bin/, and dist/ to bin/ and the build scripts', () => {
    const files = readdirSync(path.join(root, 'src'), {recursive: true, withFileTypes: true}).filter((entry) => entry.isFile())
    expect(files.length).toBeGreaterThan(50)
    for (const entry of files) {
      const file = path.join(entry.parentPath, entry.name)
      const text = readFileSync(file, 'utf8')
      expect(text, file).not.toMatch(/process\.exit\(/)
      expect(text, file).not.toMatch(/['"`](\.\.\/)+dist\//)
    }
  })

  it('catch an import that runs back up, a loop, Node in the checker and an import of dist/', async () => {
    const dir = tempDir({
      'src/core/check.js': "import '../cli/run.js'\nimport 'node:fs'\n",
      'src/cli/run.js': 'export const run = 1\n',
      'src/io/a.js': "import './b.js'\nimport '../reporters/text.js'\n",
      'src/io/b.js': "import './a.js'\n",
      'src/reporters/text.js': 'export const text = 1\n',
      'src/index.js': "import './cli/run.js'\n",
      'tests/x.test.js': "import '../dist/index.js'\n",
      'dist/index.js': 'export {}\n'
    })
    const {found} = await violations(['src', 'tests'], dir, {...config.options, tsConfig: undefined, exclude: {path: '^node_modules/'}})
    expect(found).toEqual(
      expect.arrayContaining([
        'no-upward-from-core: src/core/check.js -> src/cli/run.js',
        'pure-checker: src/core/check.js -> fs',
        'no-circular: src/io/a.js -> src/io/b.js',
        'no-upward-from-io: src/io/a.js -> src/reporters/text.js',
        'no-dist: tests/x.test.js -> dist/index.js'
      ])
    )
  }, 60_000)
})
