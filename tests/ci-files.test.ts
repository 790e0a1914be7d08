/**
 * The files CI hosts read must parse, and hold the keys each host requires:
 * action.yml (GitHub Actions metadata) and .pre-commit-hooks.yaml.
 */
import {readFileSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'
import {describe, expect, it} from 'vitest'
import {parseDocument} from 'yaml'

const root = path.resolve(fileURLToPath(import.meta.url), '../..')

function readYaml(name: string): unknown {
  const doc = parseDocument(readFileSync(path.join(root, name), 'utf8'), {uniqueKeys: true})
  expect(doc.errors.map((error) => error.message), `${name} must be valid YAML`).toEqual([])
  return doc.toJS()
}

const text = (value: unknown) => typeof value === 'string' && value.trim() !== ''

describe('action.yml', () => {
  const action = readYaml('action.yml') as Record<string, any>

  it('has the metadata GitHub requires', () => {
    expect(text(action.name)).toBe(true)
    expect(text(action.description)).toBe(true)
    expect(['composite', 'node20', 'node24', 'docker']).toContain(action.runs?.using)
  })

  it('describes every input and output', () => {
    for (const [name, input] of Object.entries(action.inputs ?? {})) expect(text((input as any)?.description), `input ${name}`).toBe(true)
    for (const [name, output] of Object.entries(action.outputs ?? {})) {
      expect(text((output as any)?.description), `output ${name}`).toBe(true)
      // A composite action's outputs must say where their value comes from.
      if (action.runs.using === 'composite') expect(text((output as any)?.value), `output ${name} value`).toBe(true)
    }
  })

  it('gives every composite step that runs a command a shell', () => {
    expect(Array.isArray(action.runs.steps)).toBe(true)
    for (const step of action.runs.steps) {
      expect(Boolean(step.run) !== Boolean(step.uses), `step ${step.name ?? step.uses}: run or uses`).toBe(true)
      if (step.run) expect(text(step.shell), `step ${step.name}: shell`).toBe(true)
    }
  })
})

describe('.pre-commit-hooks.yaml', () => {
  const hooks = readYaml('.pre-commit-hooks.yaml') as Array<Record<string, unknown>>

  it('lists hooks with the keys pre-commit requires', () => {
    expect(Array.isArray(hooks)).toBe(true)
    expect(hooks.length).toBeGreaterThan(0)
    for (const hook of hooks) {
      for (const key of ['id', 'name', 'entry', 'language']) expect(text(hook[key]), `${String(hook.id)}: ${key}`).toBe(true)
      expect(text(hook.files) || Array.isArray(hook.types) || Array.isArray(hook.types_or), `${String(hook.id)}: files or types`).toBe(true)
      if (text(hook.files)) expect(() => new RegExp(hook.files as string)).not.toThrow()
    }
  })
})
